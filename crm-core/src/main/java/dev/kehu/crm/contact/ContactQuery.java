package dev.kehu.crm.contact;

import dev.kehu.crm.customer.CustomerId;
import java.util.Locale;

/**
 * What to look for among contacts; {@code null} criteria are ignored.
 *
 * @param text     matches a contact whose name contains it (case-insensitive) or whose mnemonic starts with it;
 *                 {@code %} and {@code _} are literal
 * @param customer contacts of this customer
 * @param email    contacts with this e-mail, case-insensitive
 */
public record ContactQuery(String text, CustomerId customer, String email) {
    public ContactQuery {
        text = text == null || text.isBlank() ? null : text.strip().toLowerCase(Locale.ROOT);
        email = email == null || email.isBlank() ? null : email.strip().toLowerCase(Locale.ROOT);
    }

    public static ContactQuery all() {
        return new ContactQuery(null, null, null);
    }

    /** Whether {@code contact} matches; the reference semantics every store must reproduce. */
    public boolean matches(Contact contact) {
        if (text != null && !contact.name().toLowerCase(Locale.ROOT).contains(text)
                && !contact.mnemonic().startsWith(text)) {
            return false;
        }
        if (customer != null && !customer.equals(contact.customer())) return false;
        return email == null || (contact.email() != null && contact.email().toLowerCase(Locale.ROOT).equals(email));
    }
}
