package dev.kehu.crm.contact;

/** Orders in which contacts can be paged; {@code NAME} orders by mnemonic, ties broken by id. */
public enum ContactSort { NAME, CREATED_AT }
