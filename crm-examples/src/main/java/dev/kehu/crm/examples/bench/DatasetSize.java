package dev.kehu.crm.examples.bench;

/**
 * How many records the benchmark dataset holds: the standard one (factor 1) has 100,000 customers (a third of
 * them individuals), 300,000 contacts, 1,000,000 opportunities, 2,000,000 activities and 200,000 sales orders;
 * a factor scales every count alike, so the ratios between them stay.
 */
public record DatasetSize(double factor, int customers, int contacts, int opportunities, int activities,
                          int orders) {
    public static final int CONTACTS_PER_CUSTOMER = 3;
    public static final int OPPORTUNITIES_PER_CUSTOMER = 10;
    public static final int ACTIVITIES_PER_CUSTOMER = 20;
    public static final int ORDERS_PER_CUSTOMER = 2;

    public DatasetSize {
        if (customers < 1) throw new IllegalArgumentException("a dataset needs at least one customer");
    }

    public static DatasetSize of(double factor) {
        if (!(factor > 0) || factor > 1) throw new IllegalArgumentException("the factor is in (0, 1], got " + factor);
        int customers = (int) Math.max(1, Math.round(100_000 * factor));
        return new DatasetSize(factor, customers, customers * CONTACTS_PER_CUSTOMER,
                customers * OPPORTUNITIES_PER_CUSTOMER, customers * ACTIVITIES_PER_CUSTOMER,
                customers * ORDERS_PER_CUSTOMER);
    }

    public int individuals() {
        return customers / 3;
    }

    @Override
    public String toString() {
        return String.format("%,d customers, %,d contacts, %,d opportunities, %,d activities, %,d orders (factor %s)",
                customers, contacts, opportunities, activities, orders, factor);
    }
}
