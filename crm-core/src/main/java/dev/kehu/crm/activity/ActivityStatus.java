package dev.kehu.crm.activity;

import dev.kehu.crm.common.LabelledEnum;

/** Open (未完成), done (已完成) or cancelled (已取消). */
public enum ActivityStatus implements LabelledEnum {
    OPEN, DONE, CANCELLED
}
