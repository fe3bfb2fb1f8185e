package dev.kehu.crm.customer;

import dev.kehu.crm.common.LabelledEnum;

/** Departments (部门) contain departments and positions (职位); contacts hold positions. */
public enum OrgUnitKind implements LabelledEnum { DEPARTMENT, POSITION }
