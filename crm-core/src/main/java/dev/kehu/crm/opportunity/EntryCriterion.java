package dev.kehu.crm.opportunity;

import dev.kehu.crm.common.LabelledEnum;

/** What must be true of an opportunity before it may enter a stage. */
public enum EntryCriterion implements LabelledEnum {
    /** At least one quote for it has been sent (no negotiation without a quote; a draft does not count). */
    QUOTE_MADE,
    /** The expected amount is known (no contract signed without it). */
    EXPECTED_AMOUNT,
    /** The expected signing date is known. */
    EXPECTED_SIGNING_DATE
}
