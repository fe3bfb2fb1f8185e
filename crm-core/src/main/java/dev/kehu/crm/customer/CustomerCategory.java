package dev.kehu.crm.customer;

import dev.kehu.crm.common.LabelledEnum;

/** Kind of customer (种类), C1. */
public enum CustomerCategory implements LabelledEnum { POTENTIAL, ORDINARY, VIP, AGENT, PARTNER, INACTIVE }
