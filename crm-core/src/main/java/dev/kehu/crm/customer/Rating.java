package dev.kehu.crm.customer;

import dev.kehu.crm.common.LabelledEnum;

/** Value rating (价值评估) and credit rating (信用等级) of C1. */
public enum Rating implements LabelledEnum { HIGH, MEDIUM, LOW }
