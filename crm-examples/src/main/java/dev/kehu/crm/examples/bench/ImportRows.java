package dev.kehu.crm.examples.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The input of the bulk import: rows of a customer with its contacts, written as people type them (stray spaces,
 * phone numbers in several forms, e-mail addresses in mixed case), with one row in twenty naming the number of a
 * customer already stored, which an import must skip as a duplicate. Each implementation imports its own rows
 * ({@code batch} tells them apart), the same for the same seed.
 */
public final class ImportRows {
    /** One customer with its contacts, as a spreadsheet row gives them. */
    public record Row(String number, boolean individual, String name, String phone, String email, String city,
                      List<ContactRow> contacts) {
    }

    public record ContactRow(String name, String mobile, String email, String position, boolean primary) {
    }

    private ImportRows() {
    }

    /**
     * {@code count} rows for import {@code batch}; duplicates name customers of a dataset of {@code existing}
     * customers.
     */
    public static List<Row> make(long seed, int batch, int count, int existing) {
        SplittableRandom random = new SplittableRandom(seed * 31 + batch);
        List<Row> rows = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int n = batch * 1_000_000 + i;
            boolean duplicate = random.nextInt(20) == 0;
            String number = duplicate ? String.format("K%07d", random.nextInt(existing)) : String.format("IMP%08d", n);
            boolean individual = i % 3 == 2;
            String name = (individual ? "  张伟" + n : "  上海 新华 贸易有限公司" + n) + (random.nextBoolean() ? "\u3000" : " ");
            List<ContactRow> contacts = new ArrayList<>();
            for (int k = 0; k < DatasetSize.CONTACTS_PER_CUSTOMER; k++) {
                int m = n * DatasetSize.CONTACTS_PER_CUSTOMER + k;
                contacts.add(new ContactRow(" 李娜" + k + " ", mobile(m % 100_000_000, random),
                        "Contact" + m + "@Example.CN", k == 0 ? "总经理" : "采购", k == 0));
            }
            rows.add(new Row(number, individual, name, landline(n % 10_000_000, random), "Info" + n + "@Example.CN",
                    "上海", contacts));
        }
        return rows;
    }

    private static String landline(int n, SplittableRandom random) {
        String digits = String.valueOf(60_000_000 + n);
        return switch (random.nextInt(4)) {
            case 0 -> "021-" + digits.substring(0, 4) + " " + digits.substring(4);
            case 1 -> "+86 21 " + digits;
            case 2 -> "(021) " + digits;
            default -> "8621" + digits;
        };
    }

    private static String mobile(int n, SplittableRandom random) {
        String digits = String.format("%08d", n);
        return switch (random.nextInt(3)) {
            case 0 -> "138 " + digits.substring(0, 4) + " " + digits.substring(4);
            case 1 -> "+86 138-" + digits;
            default -> "138" + digits;
        };
    }
}
