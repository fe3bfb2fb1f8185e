package dev.kehu.crm.customer;

/**
 * Orders in which customers can be paged; ties are always broken by id. {@code NAME} orders by the
 * mnemonic (pinyin initials), which is how Chinese users expect names sorted and is the same on every
 * database; {@code NUMBER} puts customers without a number last in ascending order, first in descending.
 */
public enum CustomerSort { NAME, NUMBER, CREATED_AT, UPDATED_AT }
