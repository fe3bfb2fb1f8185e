package dev.kehu.crm.jdbc.internal;

import java.math.BigDecimal;

/**
 * The exact decimal columns of the schema. Databases round a value with more decimals than its column silently,
 * so a value that does not fit is refused before anything is written.
 */
enum Decimals {
    /** Amounts of money: no currency has more than four minor digits. */
    MONEY(65, 4),
    QUANTITY(65, 30),
    PERCENT(33, 30);

    private final int precision;
    private final int scale;

    Decimals(int precision, int scale) {
        this.precision = precision;
        this.scale = scale;
    }

    /**
     * {@code value} unchanged, if its column keeps it exactly.
     *
     * @throws IllegalArgumentException when it has more decimals or more integer digits than the column keeps
     */
    BigDecimal exact(BigDecimal value, String what) {
        if (value == null) return null;
        BigDecimal stripped = value.stripTrailingZeros();
        int decimals = Math.max(stripped.scale(), 0);
        int integerDigits = stripped.precision() - stripped.scale();
        if (decimals > scale || integerDigits > precision - scale) {
            throw new IllegalArgumentException("the JDBC store keeps a " + what + " of at most " + (precision - scale)
                    + " integer digits and " + scale + " decimals exactly, not " + value.toPlainString());
        }
        return value;
    }
}
