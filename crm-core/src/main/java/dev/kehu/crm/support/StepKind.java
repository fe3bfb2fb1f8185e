package dev.kehu.crm.support;

import dev.kehu.crm.common.LabelledEnum;

/** What a line of a ticket's history (服务历史, S7) records. */
public enum StepKind implements LabelledEnum {
    CREATED, ASSIGNED, STARTED, RESPONDED, WAITING, CUSTOMER_REPLIED, RESOLVED, CLOSED, REOPENED, PRIORITY,
    ESCALATED, MEASURE_ADDED, MEASURE_DONE, SURVEYED
}
