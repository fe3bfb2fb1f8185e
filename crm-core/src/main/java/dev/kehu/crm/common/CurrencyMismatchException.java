package dev.kehu.crm.common;

import java.util.Currency;

/** Two amounts of different currencies met where only one currency makes sense. */
public final class CurrencyMismatchException extends KehuException {
    public CurrencyMismatchException(Currency expected, Currency found) {
        super("money.currency-mismatch", "amounts in " + expected.getCurrencyCode() + " and "
                + found.getCurrencyCode() + " cannot be combined without an exchange rate");
    }
}
