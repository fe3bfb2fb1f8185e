package dev.kehu.crm.order;

import dev.kehu.crm.common.LabelledEnum;

/**
 * Where a sales order stands (Q2): a new order is confirmed, or cancelled; a confirmed order may still be
 * cancelled. Cancelled is final, and a cancelled order is no purchase ({@link DormancyRule}).
 */
public enum SalesOrderStatus implements LabelledEnum {
    NEW, CONFIRMED, CANCELLED;

    /** Whether an order in this status may move to {@code target}; the one table of legal transitions. */
    boolean canBecome(SalesOrderStatus target) {
        return switch (target) {
            case NEW -> false;
            case CONFIRMED -> this == NEW;
            case CANCELLED -> this != CANCELLED;
        };
    }
}
