package dev.kehu.crm.customer;

import dev.kehu.crm.common.LabelledEnum;

/** Lifecycle stage (阶段) of a customer, C1. */
public enum LifecycleStage implements LabelledEnum { PRE_SALES, CONTRACT_EXECUTION, AFTER_SALES, CONTRACT_EXPIRED }
