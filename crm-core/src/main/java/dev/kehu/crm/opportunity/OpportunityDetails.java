package dev.kehu.crm.opportunity;

import dev.kehu.crm.common.Identifiers;
import dev.kehu.crm.common.validation.CurrencyCode;
import dev.kehu.crm.common.validation.DecimalDigits;
import dev.kehu.crm.common.validation.FourDigitYear;
import dev.kehu.crm.common.validation.HasText;
import dev.kehu.crm.common.validation.PlainText;
import dev.kehu.crm.customer.CustomerId;
import dev.kehu.crm.internal.Text;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * What a person enters for an opportunity (O2), as it arrives from a form or an import, checked when a use
 * case receives it. Build with {@link #of(CustomerId, String)}.
 *
 * @param pipeline     the id of its pipeline; {@code null} for the default one. Fixed once opened.
 * @param discoveredOn when it was found; {@code null} for today
 * @param source       a code of the opportunity-source list, or {@code null}
 * @param currency     an ISO 4217 code, required with an expected amount
 */
public record OpportunityDetails(
        @NotNull @Pattern(regexp = Identifiers.PATTERN, message = "{dev.kehu.crm.Id.message}") String customer,
        @HasText @Size(max = 200) @PlainText String subject,
        @Pattern(regexp = Identifiers.PATTERN, message = "{dev.kehu.crm.Id.message}") String pipeline,
        @FourDigitYear LocalDate discoveredOn,
        @Size(max = 64) String source,
        @Size(max = 200) @PlainText String informant,
        @Size(max = 4000) @PlainText(multiline = true) String customerNeeds,
        @FourDigitYear LocalDate expectedSigningDate,
        @PositiveOrZero @DecimalDigits(integer = 15, fraction = 4) BigDecimal expectedAmount,
        @CurrencyCode String currency) {

    public OpportunityDetails {
        // Forms send "" for an empty field: it means "not given".
        pipeline = Text.blankToNull(pipeline);
        source = Text.blankToNull(source);
        informant = Text.blankToNull(informant);
        customerNeeds = Text.blankToNull(customerNeeds);
        currency = Text.blankToNull(currency);
    }

    /** These details for {@code newCustomer}: how a lead's conversion fills in the customer it made. */
    public OpportunityDetails withCustomer(CustomerId newCustomer) {
        return new OpportunityDetails(newCustomer.value(), subject, pipeline, discoveredOn, source, informant,
                customerNeeds, expectedSigningDate, expectedAmount, currency);
    }

    public Builder toBuilder() {
        return new Builder().customer(customer).subject(subject).pipeline(pipeline).discoveredOn(discoveredOn)
                .source(source).informant(informant).customerNeeds(customerNeeds)
                .expectedSigningDate(expectedSigningDate).expectedAmount(expectedAmount).currency(currency);
    }

    public static Builder of(CustomerId customer, String subject) {
        return new Builder().customer(customer.value()).subject(subject);
    }

    /** The details of {@code o} as they stand, to change a few and update. */
    public static Builder from(Opportunity o) {
        return new Builder().customer(o.customer().value()).subject(o.subject()).pipeline(o.pipeline().value())
                .discoveredOn(o.discoveredOn()).source(o.source()).informant(o.informant())
                .customerNeeds(o.customerNeeds()).expectedSigningDate(o.expectedSigningDate())
                .expectedAmount(o.expectedAmount() == null ? null : o.expectedAmount().amount())
                .currency(o.expectedAmount() == null ? null : o.expectedAmount().currency().getCurrencyCode());
    }

    public static final class Builder {
        private String customer;
        private String subject;
        private String pipeline;
        private LocalDate discoveredOn;
        private String source;
        private String informant;
        private String customerNeeds;
        private LocalDate expectedSigningDate;
        private BigDecimal expectedAmount;
        private String currency;

        public Builder customer(String value) { customer = value; return this; }
        public Builder subject(String value) { subject = value; return this; }
        public Builder pipeline(String value) { pipeline = value; return this; }
        public Builder discoveredOn(LocalDate value) { discoveredOn = value; return this; }
        public Builder source(String value) { source = value; return this; }
        public Builder informant(String value) { informant = value; return this; }
        public Builder customerNeeds(String value) { customerNeeds = value; return this; }
        public Builder expectedSigningDate(LocalDate value) { expectedSigningDate = value; return this; }

        /** The expected amount and its currency, e.g. {@code expected(new BigDecimal("500000"), "CNY")}. */
        public Builder expected(BigDecimal amount, String currencyCode) {
            expectedAmount = amount;
            currency = currencyCode;
            return this;
        }

        public Builder expectedAmount(BigDecimal value) { expectedAmount = value; return this; }
        public Builder currency(String value) { currency = value; return this; }

        public OpportunityDetails build() {
            return new OpportunityDetails(customer, subject, pipeline, discoveredOn, source, informant, customerNeeds,
                    expectedSigningDate, expectedAmount, currency);
        }
    }
}
