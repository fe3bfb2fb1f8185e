package dev.kehu.crm.jdbc.internal;

/** The limit of a keyset page, as the ports say. */
final class Limits {
    private Limits() {
    }

    static void check(int limit) {
        if (limit < 1 || limit > 1000) throw new IllegalArgumentException("a limit is 1–1000, got " + limit);
    }
}
