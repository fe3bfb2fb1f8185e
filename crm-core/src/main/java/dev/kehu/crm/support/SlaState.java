package dev.kehu.crm.support;

import dev.kehu.crm.common.LabelledEnum;

/** Where a ticket stands against one service-level target at a given moment. */
public enum SlaState implements LabelledEnum {
    /** Still running, with more than the warning left. */
    ON_TRACK,
    /** Still running, within the warning of its deadline. */
    AT_RISK,
    /** Past its deadline and not yet met. */
    BREACHED,
    /** Stopped while the desk waits for the customer, or while resolved. */
    PAUSED,
    /** Met in time. */
    MET,
    /** Met, but after the deadline. */
    MISSED;

    /** Whether the target was or is being missed. */
    public boolean isBreach() {
        return this == BREACHED || this == MISSED;
    }
}
