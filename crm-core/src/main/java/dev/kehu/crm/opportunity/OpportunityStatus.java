package dev.kehu.crm.opportunity;

import dev.kehu.crm.common.LabelledEnum;

/** Open, or closed as won (开发成功) or lost (开发失败), O8. */
public enum OpportunityStatus implements LabelledEnum {
    OPEN, WON, LOST;

    public boolean isClosed() {
        return this != OPEN;
    }
}
