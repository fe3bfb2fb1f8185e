package dev.kehu.crm.quote;

import dev.kehu.crm.common.Identifiers;
import dev.kehu.crm.common.validation.CurrencyCode;
import dev.kehu.crm.common.validation.FourDigitYear;
import dev.kehu.crm.common.validation.PlainText;
import dev.kehu.crm.customer.CustomerId;
import dev.kehu.crm.internal.Text;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Currency;
import java.util.List;

/**
 * What a person enters for a quote (Q1), as it arrives from a form or an import: ids and the currency as
 * text, checked when a use case receives it. A violation in a line has the path {@code lines[i].field}.
 * Build with {@link #of(CustomerId, LocalDate, Currency)}.
 *
 * @param opportunity the id of the opportunity the quote belongs to, or {@code null} (blank means none)
 * @param currency    an ISO 4217 code such as {@code CNY}, the currency of every unit price
 */
public record QuoteDetails(
        @NotNull @Pattern(regexp = Identifiers.PATTERN, message = "{dev.kehu.crm.Id.message}") String customer,
        @Pattern(regexp = Identifiers.PATTERN, message = "{dev.kehu.crm.Id.message}") String opportunity,
        @NotNull @FourDigitYear LocalDate date,
        @NotNull @CurrencyCode String currency,
        @Size(max = 4000) @PlainText(multiline = true) String notes,
        @Size(max = 500) List<@NotNull @Valid QuoteLineDetails> lines) {

    public QuoteDetails {
        // Forms send "" for an empty field: it means "not given".
        opportunity = Text.blankToNull(opportunity);
        notes = Text.blankToNull(notes);
        lines = lines == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(lines));
    }

    public static Builder of(CustomerId customer, LocalDate date, Currency currency) {
        return new Builder().customer(customer.value()).date(date).currency(currency.getCurrencyCode());
    }

    public Builder toBuilder() {
        return new Builder(this);
    }

    /** Builds details; nothing is checked until a use case receives them. */
    public static final class Builder {
        private String customer;
        private String opportunity;
        private LocalDate date;
        private String currency;
        private String notes;
        private final List<QuoteLineDetails> lines = new ArrayList<>();

        public Builder() {
        }

        private Builder(QuoteDetails d) {
            customer = d.customer; opportunity = d.opportunity; date = d.date; currency = d.currency; notes = d.notes;
            lines.addAll(d.lines);
        }

        public Builder customer(String value) { customer = value; return this; }
        public Builder opportunity(String value) { opportunity = value; return this; }
        public Builder date(LocalDate value) { date = value; return this; }
        public Builder currency(String value) { currency = value; return this; }
        public Builder notes(String value) { notes = value; return this; }

        /** Adds a line at the end. */
        public Builder line(QuoteLineDetails value) { lines.add(value); return this; }

        /** Replaces every line. */
        public Builder lines(List<QuoteLineDetails> value) {
            lines.clear();
            lines.addAll(value);
            return this;
        }

        public QuoteDetails build() {
            return new QuoteDetails(customer, opportunity, date, currency, notes, lines);
        }
    }
}
