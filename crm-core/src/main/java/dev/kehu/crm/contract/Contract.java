package dev.kehu.crm.contract;

import static java.util.Objects.requireNonNull;

import dev.kehu.crm.audit.Auditable;
import dev.kehu.crm.common.CurrencyMismatchException;
import dev.kehu.crm.common.Decision;
import dev.kehu.crm.common.Money;
import dev.kehu.crm.common.TenantId;
import dev.kehu.crm.common.UserId;
import dev.kehu.crm.customer.CustomerId;
import dev.kehu.crm.internal.Text;
import dev.kehu.crm.opportunity.Opportunity;
import dev.kehu.crm.opportunity.OpportunityId;
import dev.kehu.crm.opportunity.OpportunityStatus;
import dev.kehu.crm.quote.Quote;
import dev.kehu.crm.quote.QuoteId;
import dev.kehu.crm.quote.SalesOrderDraft;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A contract (合同, Q2) with a customer: its number, the two parties, the period it runs, the amount in one
 * currency (Q3), its terms and the payment milestones. Immutable: each step of its approval and execution
 * returns a {@link Change} — the contract after it and the {@link ContractStep} it adds to the history — or is
 * refused with a {@link dev.kehu.crm.common.BusinessRuleException} whose code names the rule.
 *
 * <p>The flow ({@link ContractStatus}): a draft is {@linkplain #edit edited} and {@linkplain #submit submitted};
 * it is {@linkplain #approve approved}, or {@linkplain #reject rejected} with a reason. A rejected contract is
 * not edited where it stands: it is {@linkplain #rework taken back} to draft, so that the history shows who
 * took it back and every approval decides on one submitted text. An approved contract is signed and
 * {@linkplain #startExecution goes into execution}, which ends when it is {@linkplain #complete completed},
 * {@linkplain #terminate terminated} with a reason, or {@linkplain #expire expired} after its end date. A
 * contract in execution, completed or expired is {@linkplain #renew renewed} (续签) by a new draft that names
 * it as its {@code predecessor}.
 *
 * @param number            the contract number people quote, unique within the tenant (the store checks that)
 * @param owner             who looks after it: the person who drafted it (or renewed its predecessor); told of
 *                          its approval or rejection
 * @param opportunity       the won opportunity it came from, or {@code null}
 * @param quote             the accepted quote it came from, or {@code null}
 * @param signingDate       the day it was signed (签订日期); set when it goes into execution, never before
 * @param currency          the currency of the amount and of every milestone; fixed for the contract's life
 * @param amount            the contract amount, not negative; may be missing only in a draft
 * @param milestones        the payment milestones, adding up to at most the amount; paid only in execution
 * @param rejectionReason   why it was rejected; set exactly while it is {@link ContractStatus#REJECTED}
 * @param terminationReason why it was terminated; set exactly when it is {@link ContractStatus#TERMINATED}
 * @param predecessor       the contract this one renews, or {@code null}
 * @param historyLength     the number of lines of its history; the next line is numbered one more
 * @param version           0 before the first save; every save increments it (optimistic locking)
 */
public record Contract(ContractId id, TenantId tenant, String number, CustomerId customer, UserId owner, String ourParty,
                       String theirParty, OpportunityId opportunity, QuoteId quote, LocalDate signingDate,
                       LocalDate startDate, LocalDate endDate, Currency currency, Money amount, String terms,
                       List<PaymentMilestone> milestones, ContractStatus status, String rejectionReason,
                       String terminationReason, ContractId predecessor, int historyLength, Instant createdAt,
                       Instant updatedAt, long version) implements Auditable {

    public static final String RECORD_TYPE = "contract";

    public Contract {
        requireNonNull(id, "id");
        requireNonNull(tenant, "tenant");
        if (Text.isBlank(number)) throw new IllegalArgumentException("a contract needs a number");
        requireNonNull(customer, "customer");
        requireNonNull(owner, "owner");
        ourParty = Text.blankToNull(ourParty);
        theirParty = Text.blankToNull(theirParty);
        terms = Text.blankToNull(terms);
        requireNonNull(currency, "currency");
        milestones = List.copyOf(requireNonNull(milestones, "milestones"));
        requireNonNull(status, "status");
        // The same rules edit() refuses, here as invariants for anything that builds a contract directly.
        ContractContent content = new ContractContent(ourParty, theirParty, startDate, endDate, amount, terms,
                milestones);
        Decision checked = check(currency, content);
        if (!checked.allowed()) {
            throw new IllegalArgumentException(checked.refusal() + " " + checked.arguments());
        }
        if (status.isSettled() && !missing(content).isEmpty()) {
            throw new IllegalArgumentException("only a draft contract may lack " + missing(content));
        }
        if (status.mustBeSigned() && signingDate == null) {
            throw new IllegalArgumentException("a contract in status " + status + " has a signing date");
        }
        if (status.cannotBeSigned() && signingDate != null) {
            throw new IllegalArgumentException("a contract is signed when it goes into execution, not in " + status);
        }
        if (status.cannotBeSigned() && milestones.stream().anyMatch(PaymentMilestone::isPaid)) {
            throw new IllegalArgumentException("payments are recorded only once the contract is in execution");
        }
        rejectionReason = Text.blankToNull(rejectionReason);
        if ((status == ContractStatus.REJECTED) != (rejectionReason != null)) {
            throw new IllegalArgumentException("a rejected contract, and only it, names why it was rejected");
        }
        terminationReason = Text.blankToNull(terminationReason);
        if ((status == ContractStatus.TERMINATED) != (terminationReason != null)) {
            throw new IllegalArgumentException("a terminated contract, and only it, names why it was terminated");
        }
        if (id.equals(predecessor)) throw new IllegalArgumentException("a contract cannot renew itself");
        if (historyLength < 1) throw new IllegalArgumentException("a contract has at least one history line");
        createdAt = requireNonNull(createdAt, "createdAt").truncatedTo(ChronoUnit.MICROS);
        updatedAt = requireNonNull(updatedAt, "updatedAt").truncatedTo(ChronoUnit.MICROS);
        if (version < 0) throw new IllegalArgumentException("version must be ≥ 0");
    }

    /** A contract and the history line that goes with the step that made it. */
    public record Change(Contract contract, ContractStep step) {
    }

    /** A new, empty draft in {@code currency}, entered directly. */
    public static Change draft(ContractId id, TenantId tenant, String number, CustomerId customer, Currency currency,
                               UserId actor, Instant at) {
        return created(builder().id(id).tenant(tenant).number(number).customer(customer).owner(actor).currency(currency)
                .createdAt(at).updatedAt(at).build(), actor);
    }

    /**
     * A new draft for an accepted quote: its customer, currency and total as the amount, naming the quote and
     * its opportunity. Refused ({@code quote.not-accepted}) unless the quote is accepted.
     */
    public static Change fromQuote(ContractId id, String number, Quote quote, UserId actor, Instant at) {
        SalesOrderDraft accepted = quote.toSalesOrderDraft();
        return created(builder().id(id).tenant(quote.tenant()).number(number).customer(accepted.customer()).owner(actor)
                .opportunity(quote.opportunity()).quote(accepted.quote()).currency(accepted.currency())
                .amount(accepted.total()).createdAt(at).updatedAt(at).build(), actor);
    }

    /**
     * A new draft for a won opportunity: its customer, and its expected amount and that amount's currency.
     * Refused unless the opportunity is won ({@code contract.opportunity.not-won}) and has an expected amount
     * ({@code contract.opportunity.no-amount}).
     */
    public static Change fromOpportunity(ContractId id, String number, Opportunity won, UserId actor, Instant at) {
        if (won.status() != OpportunityStatus.WON) {
            Decision.refuse("contract.opportunity.not-won", won.id().value(), won.status()).orThrow(Locale.ROOT);
        }
        if (won.expectedAmount() == null) {
            Decision.refuse("contract.opportunity.no-amount", won.id().value()).orThrow(Locale.ROOT);
        }
        return created(builder().id(id).tenant(won.tenant()).number(number).customer(won.customer()).owner(actor)
                .opportunity(won.id()).currency(won.expectedAmount().currency()).amount(won.expectedAmount())
                .createdAt(at).updatedAt(at).build(), actor);
    }

    private static Change created(Contract draft, UserId actor) {
        return new Change(draft, new ContractStep(draft.id, 1, draft.createdAt, actor, null, ContractStatus.DRAFT, null));
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder(this);
    }

    /** What a person edits in a draft. */
    public ContractContent content() {
        return new ContractContent(ourParty, theirParty, startDate, endDate, amount, terms, milestones);
    }

    /**
     * This draft with {@code content}. Refused unless a draft ({@code contract.not-editable}), when the end
     * date is before the start date ({@code contract.dates.order}), the amount is negative
     * ({@code contract.amount.negative}), or the milestones come without an amount
     * ({@code contract.milestones.no-amount}) or add up to more than it ({@code contract.milestones.exceed-amount}).
     * An amount or milestone in another currency throws {@link CurrencyMismatchException}.
     */
    public Contract edit(ContractContent content, Instant at) {
        requireNonNull(content, "content");
        if (status != ContractStatus.DRAFT) {
            Decision.refuse("contract.not-editable", id.value(), status).orThrow(Locale.ROOT);
        }
        check(currency, content).orThrow(Locale.ROOT);
        return toBuilder().ourParty(content.ourParty()).theirParty(content.theirParty()).startDate(content.startDate())
                .endDate(content.endDate()).amount(content.amount()).terms(content.terms())
                .milestones(content.milestones()).updatedAt(at).build();
    }

    /**
     * This draft, submitted for approval. Refused unless a draft ({@code contract.not-submittable}) and
     * unless it has its parties, start and end dates, amount and terms ({@code contract.incomplete}).
     */
    public Change submit(UserId actor, Instant at) {
        requireTransition(ContractStatus.SUBMITTED, "contract.not-submittable");
        List<String> missing = missing(content());
        if (!missing.isEmpty()) {
            Decision.refuse("contract.incomplete", id.value(), String.join(", ", missing)).orThrow(Locale.ROOT);
        }
        return step(ContractStatus.SUBMITTED, null, actor, at, toBuilder());
    }

    /** This submitted contract, approved. Refused ({@code contract.not-approvable}) unless submitted. */
    public Change approve(String note, UserId actor, Instant at) {
        requireTransition(ContractStatus.APPROVED, "contract.not-approvable");
        return step(ContractStatus.APPROVED, note, actor, at, toBuilder());
    }

    /**
     * This submitted contract, rejected. Refused unless submitted ({@code contract.not-rejectable}) and
     * unless it says why ({@code contract.rejection.reason}).
     */
    public Change reject(String reason, UserId actor, Instant at) {
        requireTransition(ContractStatus.REJECTED, "contract.not-rejectable");
        if (Text.isBlank(reason)) Decision.refuse("contract.rejection.reason", id.value()).orThrow(Locale.ROOT);
        return step(ContractStatus.REJECTED, reason, actor, at, toBuilder().rejectionReason(reason));
    }

    /**
     * This rejected contract, back in draft to be reworked and submitted again; the rejection's reason stays
     * in the history. Refused ({@code contract.not-reworkable}) unless rejected.
     */
    public Change rework(String note, UserId actor, Instant at) {
        requireTransition(ContractStatus.DRAFT, "contract.not-reworkable");
        return step(ContractStatus.DRAFT, note, actor, at, toBuilder().rejectionReason(null));
    }

    /**
     * This approved contract, signed on {@code signedOn} and in execution (合同执行). Refused
     * ({@code contract.not-executable}) unless approved.
     */
    public Change startExecution(LocalDate signedOn, UserId actor, Instant at) {
        requireNonNull(signedOn, "signedOn");
        requireTransition(ContractStatus.IN_EXECUTION, "contract.not-executable");
        return step(ContractStatus.IN_EXECUTION, null, actor, at, toBuilder().signingDate(signedOn));
    }

    /** This contract, fulfilled. Refused ({@code contract.not-completable}) unless in execution. */
    public Change complete(String note, UserId actor, Instant at) {
        requireTransition(ContractStatus.COMPLETED, "contract.not-completable");
        return step(ContractStatus.COMPLETED, note, actor, at, toBuilder());
    }

    /**
     * This contract, ended before it was fulfilled. Refused unless in execution ({@code contract.not-terminable})
     * and unless it says why ({@code contract.termination.reason}).
     */
    public Change terminate(String reason, UserId actor, Instant at) {
        requireTransition(ContractStatus.TERMINATED, "contract.not-terminable");
        if (Text.isBlank(reason)) Decision.refuse("contract.termination.reason", id.value()).orThrow(Locale.ROOT);
        return step(ContractStatus.TERMINATED, reason, actor, at, toBuilder().terminationReason(reason));
    }

    /**
     * This approved or executing contract, expired (合同期满) because {@code today} is after its end date.
     * Refused unless approved or in execution ({@code contract.not-expirable}) and unless the end date has
     * passed ({@code contract.not-ended}). {@code today} is the caller's, in its time zone.
     */
    public Change expire(LocalDate today, UserId actor, Instant at) {
        requireNonNull(today, "today");
        requireTransition(ContractStatus.EXPIRED, "contract.not-expirable");
        if (!today.isAfter(endDate)) Decision.refuse("contract.not-ended", id.value(), endDate).orThrow(Locale.ROOT);
        return step(ContractStatus.EXPIRED, null, actor, at, toBuilder());
    }

    /**
     * The renewal (续签) of this contract: a new draft with id {@code newId} and number {@code newNumber}
     * running from {@code newStart} to {@code newEnd}, naming this one as its predecessor. Customer, parties,
     * currency, amount and terms carry over to be edited; the payment milestones do not (their dates belong
     * to the old period), nor do the opportunity and quote (the renewal was not sold through them). This
     * contract is unchanged. Refused unless in execution, completed or expired ({@code contract.not-renewable})
     * and when the new end is before the new start ({@code contract.dates.order}). Whether it was renewed
     * before is the store's to know.
     */
    public Change renew(ContractId newId, String newNumber, LocalDate newStart, LocalDate newEnd, UserId actor,
                        Instant at) {
        requireNonNull(newStart, "newStart");
        requireNonNull(newEnd, "newEnd");
        if (!status.isRenewable()) Decision.refuse("contract.not-renewable", id.value(), status).orThrow(Locale.ROOT);
        if (newEnd.isBefore(newStart)) Decision.refuse("contract.dates.order", newStart, newEnd).orThrow(Locale.ROOT);
        return created(toBuilder().id(newId).number(newNumber).owner(actor).opportunity(null).quote(null).signingDate(null)
                .startDate(newStart).endDate(newEnd).milestones(List.of()).status(ContractStatus.DRAFT)
                .terminationReason(null).predecessor(id).historyLength(1).createdAt(at).updatedAt(at).version(0)
                .build(), actor);
    }

    /**
     * This contract with milestone {@code index} (from 0) paid on {@code paidOn} with {@code paid}, in the
     * contract's currency. Refused unless in execution ({@code contract.not-payable}) and when the milestone
     * was paid already ({@code contract.milestone.paid}).
     */
    public Contract recordPayment(int index, LocalDate paidOn, Money paid, Instant at) {
        if (index < 0 || index >= milestones.size()) {
            throw new IllegalArgumentException("contract " + id + " has no milestone " + index);
        }
        if (status != ContractStatus.IN_EXECUTION) {
            Decision.refuse("contract.not-payable", id.value(), status).orThrow(Locale.ROOT);
        }
        PaymentMilestone milestone = milestones.get(index);
        if (milestone.isPaid()) {
            Decision.refuse("contract.milestone.paid", id.value(), milestone.dueOn()).orThrow(Locale.ROOT);
        }
        List<PaymentMilestone> updated = new ArrayList<>(milestones);
        updated.set(index, milestone.paid(paidOn, paid));
        return toBuilder().milestones(updated).updatedAt(at).build();
    }

    /** What has been paid so far, in the contract's currency. */
    public Money paid() {
        return milestones.stream().filter(PaymentMilestone::isPaid).map(PaymentMilestone::paidAmount)
                .reduce(Money.zero(currency), Money::plus);
    }

    /**
     * Whether the contract is due for an expiry reminder (S3) on {@code today}: approved or in execution,
     * with an end date from today to {@code notice} ahead.
     */
    public boolean isExpiring(LocalDate today, Period notice) {
        if (status != ContractStatus.APPROVED && status != ContractStatus.IN_EXECUTION) return false;
        return !endDate.isBefore(today) && !endDate.isAfter(today.plus(notice));
    }

    private void requireTransition(ContractStatus target, String refusal) {
        if (!status.canBecome(target)) Decision.refuse(refusal, id.value(), status).orThrow(Locale.ROOT);
    }

    private Change step(ContractStatus target, String note, UserId actor, Instant at, Builder after) {
        Contract moved = after.status(target).historyLength(historyLength + 1).updatedAt(at).build();
        return new Change(moved, new ContractStep(id, historyLength + 1, at, actor, status, target, note));
    }

    /** The rules of a draft's content, as one decision; a currency mismatch throws. */
    static Decision check(Currency currency, ContractContent content) {
        Money amount = content.amount();
        if (amount != null && !amount.currency().equals(currency)) {
            throw new CurrencyMismatchException(currency, amount.currency());
        }
        Money planned = PaymentMilestone.sum(currency, content.milestones());
        if (content.startDate() != null && content.endDate() != null && content.endDate().isBefore(content.startDate())) {
            return Decision.refuse("contract.dates.order", content.startDate(), content.endDate());
        }
        if (amount != null && amount.isNegative()) return Decision.refuse("contract.amount.negative", amount);
        if (amount == null && !content.milestones().isEmpty()) return Decision.refuse("contract.milestones.no-amount");
        if (amount != null && planned.compareTo(amount) > 0) {
            return Decision.refuse("contract.milestones.exceed-amount", planned, amount);
        }
        return Decision.allow();
    }

    /** The names of the fields a submitted contract needs and {@code content} lacks. */
    private static List<String> missing(ContractContent content) {
        List<String> missing = new ArrayList<>();
        if (content.ourParty() == null) missing.add("ourParty");
        if (content.theirParty() == null) missing.add("theirParty");
        if (content.startDate() == null) missing.add("startDate");
        if (content.endDate() == null) missing.add("endDate");
        if (content.amount() == null) missing.add("amount");
        if (Text.isBlank(content.terms())) missing.add("terms");
        return missing;
    }

    /** The fields a person edits and the outcome of the flow; each step is also in the contract's history. */
    @Override
    public Map<String, String> auditFields() {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("number", number);
        fields.put("customer", customer.value());
        fields.put("owner", owner.value());
        fields.put("ourParty", ourParty);
        fields.put("theirParty", theirParty);
        fields.put("opportunity", Text.of(opportunity));
        fields.put("quote", Text.of(quote));
        fields.put("signingDate", Text.of(signingDate));
        fields.put("startDate", Text.of(startDate));
        fields.put("endDate", Text.of(endDate));
        fields.put("currency", currency.getCurrencyCode());
        fields.put("amount", amount == null ? null : amount.amount().toPlainString());
        fields.put("terms", terms);
        fields.put("milestones", milestones.isEmpty() ? null : milestones.stream()
                .map(m -> m.dueOn() + " " + m.amount().amount().toPlainString()
                        + (m.description() == null ? "" : " " + m.description())
                        + (m.isPaid() ? " paid " + m.paidOn() + " " + m.paidAmount().amount().toPlainString() : ""))
                .toList().toString());
        fields.put("status", status.name());
        fields.put("rejectionReason", rejectionReason);
        fields.put("terminationReason", terminationReason);
        fields.put("predecessor", Text.of(predecessor));
        return fields;
    }

    /** Builds a contract; {@link #build()} checks every invariant. Stores use it to read contracts back. */
    public static final class Builder {
        private ContractId id;
        private TenantId tenant;
        private String number;
        private CustomerId customer;
        private UserId owner;
        private String ourParty;
        private String theirParty;
        private OpportunityId opportunity;
        private QuoteId quote;
        private LocalDate signingDate;
        private LocalDate startDate;
        private LocalDate endDate;
        private Currency currency;
        private Money amount;
        private String terms;
        private List<PaymentMilestone> milestones = List.of();
        private ContractStatus status = ContractStatus.DRAFT;
        private String rejectionReason;
        private String terminationReason;
        private ContractId predecessor;
        private int historyLength = 1;
        private Instant createdAt;
        private Instant updatedAt;
        private long version;

        private Builder() {
        }

        private Builder(Contract c) {
            id = c.id; tenant = c.tenant; number = c.number; customer = c.customer; owner = c.owner; ourParty = c.ourParty;
            theirParty = c.theirParty; opportunity = c.opportunity; quote = c.quote; signingDate = c.signingDate;
            startDate = c.startDate; endDate = c.endDate; currency = c.currency; amount = c.amount; terms = c.terms;
            milestones = c.milestones; status = c.status; rejectionReason = c.rejectionReason;
            terminationReason = c.terminationReason; predecessor = c.predecessor; historyLength = c.historyLength;
            createdAt = c.createdAt; updatedAt = c.updatedAt; version = c.version;
        }

        public Builder id(ContractId value) { id = value; return this; }
        public Builder tenant(TenantId value) { tenant = value; return this; }
        public Builder number(String value) { number = value; return this; }
        public Builder customer(CustomerId value) { customer = value; return this; }
        public Builder owner(UserId value) { owner = value; return this; }
        public Builder ourParty(String value) { ourParty = value; return this; }
        public Builder theirParty(String value) { theirParty = value; return this; }
        public Builder opportunity(OpportunityId value) { opportunity = value; return this; }
        public Builder quote(QuoteId value) { quote = value; return this; }
        public Builder signingDate(LocalDate value) { signingDate = value; return this; }
        public Builder startDate(LocalDate value) { startDate = value; return this; }
        public Builder endDate(LocalDate value) { endDate = value; return this; }
        public Builder currency(Currency value) { currency = value; return this; }
        public Builder amount(Money value) { amount = value; return this; }
        public Builder terms(String value) { terms = value; return this; }
        public Builder milestones(List<PaymentMilestone> value) { milestones = value; return this; }
        public Builder status(ContractStatus value) { status = value; return this; }
        public Builder rejectionReason(String value) { rejectionReason = value; return this; }
        public Builder terminationReason(String value) { terminationReason = value; return this; }
        public Builder predecessor(ContractId value) { predecessor = value; return this; }
        public Builder historyLength(int value) { historyLength = value; return this; }
        public Builder createdAt(Instant value) { createdAt = value; return this; }
        public Builder updatedAt(Instant value) { updatedAt = value; return this; }
        public Builder version(long value) { version = value; return this; }

        public Contract build() {
            return new Contract(id, tenant, number, customer, owner, ourParty, theirParty, opportunity, quote, signingDate,
                    startDate, endDate, currency, amount, terms, milestones, status, rejectionReason,
                    terminationReason, predecessor, historyLength, createdAt, updatedAt, version);
        }
    }
}
