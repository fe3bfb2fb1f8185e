package dev.kehu.crm.contract;

import static java.util.Objects.requireNonNull;

import dev.kehu.crm.common.CurrencyMismatchException;
import dev.kehu.crm.common.Money;
import dev.kehu.crm.internal.Text;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;

/**
 * One payment the customer owes under a contract (付款节点): what is due, when, and what for; and once paid,
 * when and how much came in. The amount paid may differ from the amount due (a partial or rounded payment);
 * both are in the contract's currency.
 *
 * @param amount      more than zero
 * @param description what the payment is for ("预付款 30%"), or {@code null}
 * @param paidOn      when it was paid; set together with {@code paidAmount}, or neither
 * @param paidAmount  what was paid, more than zero, in the currency of {@code amount}
 */
public record PaymentMilestone(LocalDate dueOn, Money amount, String description, LocalDate paidOn,
                               Money paidAmount) {
    public PaymentMilestone {
        requireNonNull(dueOn, "dueOn");
        if (requireNonNull(amount, "amount").amount().signum() <= 0) {
            throw new IllegalArgumentException("a payment milestone is for more than zero, got " + amount);
        }
        description = Text.blankToNull(description);
        if ((paidOn == null) != (paidAmount == null)) {
            throw new IllegalArgumentException("a payment has both its date and its amount, or neither");
        }
        if (paidAmount != null) {
            if (!paidAmount.currency().equals(amount.currency())) {
                throw new CurrencyMismatchException(amount.currency(), paidAmount.currency());
            }
            if (paidAmount.amount().signum() <= 0) {
                throw new IllegalArgumentException("a payment is of more than zero, got " + paidAmount);
            }
        }
    }

    /** A milestone not yet paid. */
    public static PaymentMilestone of(LocalDate dueOn, Money amount, String description) {
        return new PaymentMilestone(dueOn, amount, description, null, null);
    }

    public boolean isPaid() {
        return paidOn != null;
    }

    /** This milestone, paid on {@code on} with {@code paid}. */
    PaymentMilestone paid(LocalDate on, Money paid) {
        return new PaymentMilestone(dueOn, amount, description, requireNonNull(on, "on"), requireNonNull(paid, "paid"));
    }

    /** What the milestones add up to, in {@code currency}; throws when one of them is in another. */
    public static Money sum(Currency currency, List<PaymentMilestone> milestones) {
        return milestones.stream().map(PaymentMilestone::amount).reduce(Money.zero(currency), Money::plus);
    }
}
