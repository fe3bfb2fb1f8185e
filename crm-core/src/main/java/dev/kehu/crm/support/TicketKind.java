package dev.kehu.crm.support;

import dev.kehu.crm.common.LabelledEnum;

/** What the customer asks for (S1): an inquiry (咨询), a complaint (投诉) or a repair (报修). */
public enum TicketKind implements LabelledEnum {
    INQUIRY, COMPLAINT, REPAIR
}
