package dev.kehu.crm.customer;

import dev.kehu.crm.common.PhoneNumber;
import dev.kehu.crm.common.UserId;
import java.util.Locale;

/**
 * What to look for; every given criterion must match, {@code null} criteria are ignored.
 *
 * @param text           matches a customer whose name contains it (case-insensitive), whose mnemonic
 *                       starts with it, or whose number equals it (case-insensitive); the characters
 *                       {@code %} and {@code _} are literal
 * @param phone          matches the customer's phone or fax
 * @param email          matches the customer's e-mail, case-insensitive
 * @param owner          customers of this account manager
 * @param includeClosed  whether deactivated and merged customers are included
 */
public record CustomerQuery(String text, PhoneNumber phone, String email, UserId owner, String tag,
                            boolean includeClosed) {
    public CustomerQuery {
        text = text == null || text.isBlank() ? null : text.strip().toLowerCase(Locale.ROOT);
        email = email == null || email.isBlank() ? null : email.strip().toLowerCase(Locale.ROOT);
        tag = tag == null || tag.isBlank() ? null : tag.strip();
    }

    public static CustomerQuery all() {
        return new CustomerQuery(null, null, null, null, null, false);
    }

    public static CustomerQuery text(String text) {
        return new CustomerQuery(text, null, null, null, null, false);
    }

    public CustomerQuery withOwner(UserId value) {
        return new CustomerQuery(text, phone, email, value, tag, includeClosed);
    }

    public CustomerQuery withTag(String value) {
        return new CustomerQuery(text, phone, email, owner, value, includeClosed);
    }

    public CustomerQuery includingClosed() {
        return new CustomerQuery(text, phone, email, owner, tag, true);
    }

    /** Whether {@code customer} matches; the reference semantics every store must reproduce. */
    public boolean matches(Customer customer) {
        if (!includeClosed && !customer.isActive()) return false;
        if (text != null
                && !customer.name().toLowerCase(Locale.ROOT).contains(text)
                && !customer.mnemonic().startsWith(text)
                && !(customer.number() != null && customer.number().toLowerCase(Locale.ROOT).equals(text))) {
            return false;
        }
        if (phone != null && !phone.equals(customer.phone()) && !phone.equals(customer.fax())) return false;
        if (email != null && !(customer.email() != null && customer.email().toLowerCase(Locale.ROOT).equals(email))) {
            return false;
        }
        if (owner != null && !owner.equals(customer.owner())) return false;
        return tag == null || customer.tags().contains(tag);
    }
}
