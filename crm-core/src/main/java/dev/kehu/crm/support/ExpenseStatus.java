package dev.kehu.crm.support;

import dev.kehu.crm.common.LabelledEnum;

/** Submitted (待审批), approved (已批准) or rejected (已驳回). */
public enum ExpenseStatus implements LabelledEnum {
    SUBMITTED, APPROVED, REJECTED
}
