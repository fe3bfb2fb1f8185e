package dev.kehu.crm.customer;

import dev.kehu.crm.common.LabelledEnum;

/** Whether a customer record is in use, deactivated, or merged into another one. */
public enum CustomerStatus implements LabelledEnum { ACTIVE, INACTIVE, MERGED }
