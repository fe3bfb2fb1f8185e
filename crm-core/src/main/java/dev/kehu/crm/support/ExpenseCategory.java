package dev.kehu.crm.support;

import dev.kehu.crm.common.LabelledEnum;

/** What an expense was for: travel (差旅), lodging, meals, entertainment (招待), gifts, communication, other. */
public enum ExpenseCategory implements LabelledEnum {
    TRAVEL, LODGING, MEALS, ENTERTAINMENT, GIFTS, COMMUNICATION, OTHER
}
