package dev.kehu.crm.support;

import dev.kehu.crm.common.LabelledEnum;

/** The two service-level targets of a ticket: the first response and the resolution. */
public enum SlaTarget implements LabelledEnum {
    FIRST_RESPONSE, RESOLUTION
}
