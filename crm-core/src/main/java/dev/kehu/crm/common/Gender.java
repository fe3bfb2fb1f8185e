package dev.kehu.crm.common;

/** Gender (性别) of an individual customer or a contact. */
public enum Gender implements LabelledEnum { MALE, FEMALE, UNSPECIFIED }
