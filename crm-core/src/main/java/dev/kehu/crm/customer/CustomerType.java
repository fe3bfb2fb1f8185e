package dev.kehu.crm.customer;

import dev.kehu.crm.common.LabelledEnum;

/** Company (大客户) or individual (个人客户) customer, C1/C2. */
public enum CustomerType implements LabelledEnum { COMPANY, INDIVIDUAL }
