package dev.kehu.crm.contact;

import dev.kehu.crm.common.LabelledEnum;

/** Contact category (联系人分类), K1. */
public enum ContactCategory implements LabelledEnum { KEY, IMPORTANT, ORDINARY, MINOR, INACTIVE }
