package dev.kehu.crm.opportunity;

/** The chance of winning an opportunity (可能性, O2): 0 % to 100 % in steps of 10 %. */
public record Probability(int percent) implements Comparable<Probability> {
    public static final Probability ZERO = new Probability(0);
    public static final Probability CERTAIN = new Probability(100);

    public Probability {
        if (!isValid(percent)) {
            throw new IllegalArgumentException("a probability is 0–100 in steps of 10, got " + percent);
        }
    }

    public static Probability of(int percent) {
        return new Probability(percent);
    }

    public static boolean isValid(int percent) {
        return percent >= 0 && percent <= 100 && percent % 10 == 0;
    }

    /** The probability as a fraction, exactly: 0.7 for 70 %. */
    public java.math.BigDecimal fraction() {
        return java.math.BigDecimal.valueOf(percent, 2);
    }

    @Override
    public int compareTo(Probability other) {
        return Integer.compare(percent, other.percent);
    }

    @Override
    public String toString() { return percent + "%"; }
}
