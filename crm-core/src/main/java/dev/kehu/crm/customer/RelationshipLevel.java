package dev.kehu.crm.customer;

import dev.kehu.crm.common.LabelledEnum;

/** Relationship level (关系等级), C1. */
public enum RelationshipLevel implements LabelledEnum { CLOSE, GOOD, FAIR, POOR }
