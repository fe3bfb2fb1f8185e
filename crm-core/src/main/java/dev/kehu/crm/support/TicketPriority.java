package dev.kehu.crm.support;

import dev.kehu.crm.common.LabelledEnum;

/** How urgent a ticket is (低 / 普通 / 高 / 紧急); each has its own service-level targets. */
public enum TicketPriority implements LabelledEnum {
    LOW, NORMAL, HIGH, URGENT
}
