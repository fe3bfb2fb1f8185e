package dev.kehu.crm.examples.bench;

import dev.kehu.crm.common.Mnemonic;
import dev.kehu.crm.common.PhoneNumber;
import java.util.List;
import java.util.Locale;

/**
 * An import row cleaned the way Kehu cleans its input, for the baselines: text stripped (ideographic spaces too),
 * phone numbers in E.164 through the same parser, e-mail addresses in lower case, the pinyin mnemonic. A row that
 * cannot be cleaned is {@code null}: the baselines skip it, as Kehu refuses it.
 */
public record CleanRow(String number, boolean individual, String name, String mnemonic, String phone, String email,
                String city, List<CleanContact> contacts) {

    public record CleanContact(String name, String mnemonic, String mobile, String email, String position, boolean primary) {
    }

    public static CleanRow of(ImportRows.Row row) {
        String phone = e164(row.phone());
        if (phone == null) return null;
        List<CleanContact> contacts = row.contacts().stream().map(c -> new CleanContact(c.name().strip(),
                Mnemonic.of(c.name().strip()), e164(c.mobile()), email(c.email()), c.position().strip(), c.primary()))
                .toList();
        if (contacts.stream().anyMatch(c -> c.mobile() == null)) return null;
        String name = row.name().strip();
        return new CleanRow(row.number().strip(), row.individual(), name, Mnemonic.of(name), phone, email(row.email()),
                row.city().strip(), contacts);
    }

    private static String e164(String text) {
        return PhoneNumber.parse(text, PhoneNumber.CHINA).map(PhoneNumber::e164).orElse(null);
    }

    private static String email(String text) {
        return text.strip().toLowerCase(Locale.ROOT);
    }
}
