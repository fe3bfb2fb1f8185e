package dev.kehu.crm.security;

import dev.kehu.crm.common.LabelledEnum;

/** The roles of Y1. */
public enum Role implements LabelledEnum {
    SALES_REPRESENTATIVE, SALES_SUPERVISOR, SERVICE_AGENT, MARKETING, ADMINISTRATOR
}
