package dev.kehu.crm.contract;

import static java.util.Objects.requireNonNull;

import dev.kehu.crm.common.BusinessRuleException;
import dev.kehu.crm.common.KehuException;
import dev.kehu.crm.common.Messages;
import dev.kehu.crm.common.Money;
import dev.kehu.crm.common.PageRequest;
import dev.kehu.crm.common.RecordNotFoundException;
import dev.kehu.crm.common.UserId;
import dev.kehu.crm.customer.Customer;
import dev.kehu.crm.customer.CustomerChecks;
import dev.kehu.crm.customer.CustomerId;
import dev.kehu.crm.customer.Customers;
import dev.kehu.crm.customer.LifecycleStage;
import dev.kehu.crm.internal.Input;
import dev.kehu.crm.internal.InputValidator.Problems;
import dev.kehu.crm.internal.Numbering;
import dev.kehu.crm.internal.RecordKeeper;
import dev.kehu.crm.internal.ServiceContext;
import dev.kehu.crm.internal.Text;
import dev.kehu.crm.notification.Notification;
import dev.kehu.crm.opportunity.Opportunities;
import dev.kehu.crm.opportunity.Opportunity;
import dev.kehu.crm.opportunity.OpportunityId;
import dev.kehu.crm.quote.Quote;
import dev.kehu.crm.quote.QuoteId;
import dev.kehu.crm.quote.Quotes;
import dev.kehu.crm.security.Actor;
import dev.kehu.crm.security.Role;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Locale;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The contract use cases (Q2): draft a contract from an accepted quote, a won opportunity or from nothing, edit the
 * draft, submit it, approve or reject it (a sales supervisor), sign it into execution, record payments, complete,
 * terminate or renew it, and expire those past their end date. Obtain it from {@code Kehu.contracts()}.
 *
 * <p>Each change is one transaction: the contract, its history line, its audit entry, its notifications and the
 * customer's lifecycle stage (C1) commit together or not at all, and a change made from a stale version is refused.
 * A submission tells the approvers ({@link #APPROVERS}); an approval or rejection tells the contract's owner.
 *
 * <p>The customer's stage follows its contracts ({@link LifecycleRule}): whenever a contract changes status, the
 * stage is computed again from all the customer's contracts, and the customer saved with it when it changed
 * (audited). When the contract moves into or out of execution, the customer is saved even when its stage did not
 * change, so that two contracts of one customer changing at once meet on the customer's version and cannot both
 * commit a stage computed without the other.
 */
public final class ContractService {
    /** The recipient of submissions: a host routes it to whoever approves contracts (its approvers' channel). */
    public static final UserId APPROVERS = new UserId("contract-approvers");
    /** The refusal when someone other than a sales supervisor approves or rejects. */
    public static final String SUPERVISOR_ONLY = "contract.supervisor-only";
    /** How many contracts the expiry job reads at a time. */
    static final int BATCH = 100;

    private final ServiceContext context;
    private final Contracts contracts;
    private final Customers customers;
    private final Quotes quotes;
    private final Opportunities opportunities;
    private final RecordKeeper<ContractId, Contract> keeper;

    public ContractService(ServiceContext context, Contracts contracts, Customers customers, Quotes quotes,
                           Opportunities opportunities) {
        this.context = context;
        this.contracts = contracts;
        this.customers = customers;
        this.quotes = quotes;
        this.opportunities = opportunities;
        this.keeper = new RecordKeeper<>(context, Contract.RECORD_TYPE, contracts::find, contracts::save,
                Contract::owner, Contract::version);
    }

    /** A new, empty draft for an active customer of the actor's tenant, in {@code currency}. */
    public Contract draft(Actor actor, CustomerId customer, String number, Currency currency) {
        requireNonNull(customer, "customer");
        requireNonNull(currency, "currency");
        context.checkInput(actor, "currency", Input.CURRENCY, currency);
        return create(actor, () -> {
            activeCustomer(actor, customer);
            return Contract.draft(newId(), actor.tenant(), free(actor, number), customer, currency, actor.user(),
                    context.now());
        });
    }

    /**
     * A draft for an accepted quote: its customer, currency and total. Refused ({@code quote.not-accepted}) unless
     * the quote is accepted.
     */
    public Contract draftFromQuote(Actor actor, QuoteId quote, String number) {
        requireNonNull(quote, "quote");
        return create(actor, () -> {
            Quote accepted = quotes.find(actor.tenant(), quote).orElseThrow(() -> notFound(actor, Quote.RECORD_TYPE,
                    quote.value()));
            activeCustomer(actor, accepted.customer());
            return Contract.fromQuote(newId(), free(actor, number), accepted, actor.user(), context.now());
        });
    }

    /**
     * A draft for a won opportunity: its customer and expected amount. Refused unless the opportunity is won
     * ({@code contract.opportunity.not-won}) and has an expected amount ({@code contract.opportunity.no-amount}).
     */
    public Contract draftFromOpportunity(Actor actor, OpportunityId opportunity, String number) {
        requireNonNull(opportunity, "opportunity");
        return create(actor, () -> {
            Opportunity won = opportunities.find(actor.tenant(), opportunity).orElseThrow(() -> notFound(actor,
                    Opportunity.RECORD_TYPE, opportunity.value()));
            activeCustomer(actor, won.customer());
            return Contract.fromOpportunity(newId(), free(actor, number), won, actor.user(), context.now());
        });
    }

    /**
     * Replaces the content of a draft still at {@code expectedVersion}. Text, dates and amounts that break the input
     * rules, and amounts in another currency than the contract's, are refused with an {@code InvalidInputException}
     * naming each field ({@code terms}, {@code milestones[1].amount}…).
     */
    public Contract edit(Actor actor, ContractId id, long expectedVersion, ContractContent content) {
        requireNonNull(content, "content");
        Problems problems = context.validator().check(actor.locale(), "ourParty", Input.LINE, content.ourParty())
                .check("theirParty", Input.LINE, content.theirParty())
                .check("startDate", Input.DAY, content.startDate()).check("endDate", Input.DAY, content.endDate())
                .check("amount", Input.MONEY, content.amount()).check("terms", Input.DOCUMENT, content.terms());
        for (int i = 0; i < content.milestones().size(); i++) {
            PaymentMilestone milestone = content.milestones().get(i);
            problems.check("milestones[" + i + "].dueOn", Input.DAY, milestone.dueOn())
                    .check("milestones[" + i + "].amount", Input.MONEY, milestone.amount())
                    .check("milestones[" + i + "].description", Input.LINE, milestone.description());
        }
        problems.throwIfAny();
        return keeper.change(actor, id, expectedVersion, "contract.update", c -> {
            Problems currencies = context.validator().problems(actor.locale());
            sameCurrency(currencies, "amount", c.currency(), content.amount());
            for (int i = 0; i < content.milestones().size(); i++) {
                sameCurrency(currencies, "milestones[" + i + "].amount", c.currency(),
                        content.milestones().get(i).amount());
            }
            currencies.throwIfAny();
            return c.edit(content, context.now());
        });
    }

    /** Submits a complete draft for approval; the approvers are told. */
    public Contract submit(Actor actor, ContractId id, long expectedVersion) {
        return move(actor, id, expectedVersion, "contract.submit", c -> c.submit(actor.user(), context.now()));
    }

    /** Approves a submitted contract; only a sales supervisor may. Its owner is told. */
    public Contract approve(Actor actor, ContractId id, long expectedVersion, String note) {
        supervisorOnly(actor);
        context.checkInput(actor, "note", Input.NOTE, note);
        return move(actor, id, expectedVersion, "contract.approve",
                c -> c.approve(Text.blankToNull(note), actor.user(), context.now()));
    }

    /** Rejects a submitted contract with the reason; only a sales supervisor may. Its owner is told. */
    public Contract reject(Actor actor, ContractId id, long expectedVersion, String reason) {
        supervisorOnly(actor);
        context.checkInput(actor, "reason", Input.NOTE, reason);
        return move(actor, id, expectedVersion, "contract.reject", c -> c.reject(reason, actor.user(), context.now()));
    }

    /** Takes a rejected contract back to draft, to be reworked and submitted again. */
    public Contract rework(Actor actor, ContractId id, long expectedVersion, String note) {
        context.checkInput(actor, "note", Input.NOTE, note);
        return move(actor, id, expectedVersion, "contract.rework",
                c -> c.rework(Text.blankToNull(note), actor.user(), context.now()));
    }

    /** Records that an approved contract was signed on {@code signedOn}: it goes into execution (合同执行). */
    public Contract sign(Actor actor, ContractId id, long expectedVersion, LocalDate signedOn) {
        requireNonNull(signedOn, "signedOn");
        context.checkInput(actor, "signedOn", Input.DAY, signedOn);
        return move(actor, id, expectedVersion, "contract.sign",
                c -> c.startExecution(signedOn, actor.user(), context.now()));
    }

    /** Records the payment of milestone {@code milestone} (from 0) of a contract in execution. */
    public Contract recordPayment(Actor actor, ContractId id, long expectedVersion, int milestone, LocalDate paidOn,
                                  Money paid) {
        requireNonNull(paidOn, "paidOn");
        requireNonNull(paid, "paid");
        context.validator().check(actor.locale(), "paidOn", Input.DAY, paidOn).check("paid", Input.MONEY, paid)
                .throwIfAny();
        return keeper.change(actor, id, expectedVersion, "contract.payment", c -> {
            Problems problems = context.validator().problems(actor.locale());
            if (milestone < 0 || milestone >= c.milestones().size()) {
                problems.add("milestone", "contract.milestone.unknown", milestone, milestone);
            }
            sameCurrency(problems, "paid", c.currency(), paid);
            problems.throwIfAny();
            return c.recordPayment(milestone, paidOn, paid, context.now());
        });
    }

    /** Marks a contract in execution fulfilled. */
    public Contract complete(Actor actor, ContractId id, long expectedVersion, String note) {
        context.checkInput(actor, "note", Input.NOTE, note);
        return move(actor, id, expectedVersion, "contract.complete",
                c -> c.complete(Text.blankToNull(note), actor.user(), context.now()));
    }

    /** Ends a contract in execution before it was fulfilled, with the reason. */
    public Contract terminate(Actor actor, ContractId id, long expectedVersion, String reason) {
        context.checkInput(actor, "reason", Input.NOTE, reason);
        return move(actor, id, expectedVersion, "contract.terminate",
                c -> c.terminate(reason, actor.user(), context.now()));
    }

    /**
     * Renews (续签) a contract in execution, completed or expired, still at {@code expectedVersion}: a new draft
     * numbered {@code newNumber} for the period from {@code newStart} to {@code newEnd}, owned by the actor. A
     * contract is renewed once ({@code contract.renewed}): the predecessor is saved unchanged with its renewal, so two
     * renewals of it at once cannot both commit.
     *
     * @return the new draft
     */
    public Contract renew(Actor actor, ContractId id, long expectedVersion, String newNumber, LocalDate newStart,
                          LocalDate newEnd) {
        requireNonNull(id, "id");
        context.validator().check(actor.locale(), "newStart", Input.DAY, newStart).check("newEnd", Input.DAY, newEnd)
                .throwIfAny();
        return context.inTransaction(actor, () -> {
            Contract current = keeper.load(actor, id, expectedVersion, "contract.renew");
            Optional<Contract> renewal = contracts.renewalOf(actor.tenant(), id);
            if (renewal.isPresent()) {
                throw BusinessRuleException.of("contract.renewed", actor.locale(), id.value(), renewal.get().number());
            }
            Contract.Change renewed = current.renew(newId(), free(actor, newNumber), newStart, newEnd, actor.user(),
                    context.now());
            contracts.save(current);
            return created(actor, renewed);
        });
    }

    /**
     * Expires (合同期满) every approved contract and every contract in execution whose end date is before
     * {@code today}, as a scheduled job does. Contracts are read a batch at a time and each is expired in a
     * transaction of its own, as it stands then, with its customer's stage: one that cannot be expired (changed
     * meanwhile) is left for the next run and does not hold back the others.
     *
     * @return how many contracts were expired
     */
    public int expireDue(Actor actor, LocalDate today) {
        requireNonNull(today, "today");
        context.checkInput(actor, "today", Input.DAY, today);
        context.authorize(actor, "contract.expire", Contract.RECORD_TYPE, null);
        int expired = 0;
        for (ContractStatus status : List.of(ContractStatus.IN_EXECUTION, ContractStatus.APPROVED)) {
            ContractId after = null;
            List<Contract> batch;
            do {
                batch = contracts.endedBefore(actor.tenant(), status, today, after, BATCH);
                for (Contract due : batch) {
                    try {
                        move(actor, due.id(), due.version(), "contract.expire",
                                c -> c.expire(today, actor.user(), context.now()));
                        expired++;
                    } catch (KehuException changedMeanwhile) {
                        // Left as it now stands; the next run sees it again if it is still due.
                    }
                }
                after = batch.isEmpty() ? null : batch.get(batch.size() - 1).id();
            } while (batch.size() == BATCH);
        }
        return expired;
    }

    public Optional<Contract> find(Actor actor, ContractId id) {
        return keeper.find(actor, id);
    }

    /** The contract, or {@link dev.kehu.crm.common.RecordNotFoundException}. */
    public Contract get(Actor actor, ContractId id) {
        return keeper.get(actor, id);
    }

    /** Its approval and execution history, oldest first: who moved it, when, and why. */
    public List<ContractStep> history(Actor actor, ContractId id) {
        get(actor, id);
        return contracts.history(actor.tenant(), id);
    }

    /** A page of the customer's contracts, by id, after {@code after} ({@code null} for the first page). */
    public List<Contract> ofCustomer(Actor actor, CustomerId customer, ContractId after, int limit) {
        requireNonNull(customer, "customer");
        context.authorize(actor, "contract.read", Contract.RECORD_TYPE, null);
        return contracts.ofCustomer(actor.tenant(), customer, after, PageRequest.checkLimit(limit));
    }

    /**
     * A page of the contracts in execution ending from {@code from} to {@code to} (both included), by end date then
     * id: what expiry reminders read, 30, 60 or 90 days ahead.
     */
    public List<Contract> expiring(Actor actor, LocalDate from, LocalDate to, ContractId after, int limit) {
        requireNonNull(from, "from");
        requireNonNull(to, "to");
        context.authorize(actor, "contract.read", Contract.RECORD_TYPE, null);
        return contracts.expiring(actor.tenant(), from, to, after, PageRequest.checkLimit(limit));
    }

    /** Creates the draft {@code make} returns, with its first history line, in one transaction. */
    private Contract create(Actor actor, Supplier<Contract.Change> make) {
        context.authorize(actor, "contract.create", Contract.RECORD_TYPE, null);
        return context.inTransaction(actor, () -> created(actor, make.get()));
    }

    private Contract created(Actor actor, Contract.Change draft) {
        Contract saved = keeper.create(actor, draft.contract().id(), "contract.create", draft.contract());
        contracts.append(actor.tenant(), draft.step());
        return saved;
    }

    /**
     * Loads, checks the version, moves, saves, appends the history line, audits, notifies and brings the customer's
     * stage up to date, in one transaction.
     */
    private Contract move(Actor actor, ContractId id, long expectedVersion, String action,
                          Function<Contract, Contract.Change> change) {
        requireNonNull(id, "id");
        return context.inTransaction(actor, () -> {
            Contract current = keeper.load(actor, id, expectedVersion, action);
            Contract.Change done = change.apply(current);
            Contract saved = contracts.save(done.contract());
            contracts.append(actor.tenant(), done.step());
            context.audit(actor, Contract.RECORD_TYPE, id.value(), action, current, saved);
            tell(actor, saved, done.step());
            followStage(actor, saved.customer(), current.status().mustBeSigned() || saved.status().mustBeSigned());
            return saved;
        });
    }

    /** A submission tells the approvers; an approval or a rejection tells the owner. */
    private void tell(Actor actor, Contract contract, ContractStep step) {
        UserId recipient = switch (step.to()) {
            case SUBMITTED -> APPROVERS;
            case APPROVED, REJECTED -> contract.owner();
            default -> null;
        };
        if (recipient == null) return;
        context.notify(new Notification(actor.tenant(), recipient, "contract." + step.to().name().toLowerCase(Locale.ROOT), Contract.RECORD_TYPE, contract.id().value(), actor.user(), step.at(),
                step.note() == null ? Map.of("subject", contract.number())
                        : Map.of("subject", contract.number(), "note", step.note())));
    }

    /**
     * Computes the customer's stage from all its contracts and saves the customer when it changed (audited), or
     * unchanged when {@code meet}: then two contract changes of one customer cannot both commit.
     */
    private void followStage(Actor actor, CustomerId id, boolean meet) {
        Customer customer = customers.find(actor.tenant(), id).orElse(null);
        if (customer == null) return; // a customer removed by the host keeps no stage
        List<Contract> all = new ArrayList<>();
        List<Contract> page;
        do {
            page = contracts.ofCustomer(actor.tenant(), id, all.isEmpty() ? null : all.get(all.size() - 1).id(),
                    PageRequest.MAX_SIZE);
            all.addAll(page);
        } while (page.size() == PageRequest.MAX_SIZE);
        LifecycleStage stage = LifecycleRule.stageFor(all, today());
        if (stage != customer.lifecycleStage()) {
            Customer moved = customers.save(customer.toBuilder().lifecycleStage(stage).updatedAt(context.now()).build());
            context.audit(actor, Customer.RECORD_TYPE, id.value(), "customer.lifecycle", customer, moved);
        } else if (meet) {
            customers.save(customer);
        }
    }

    /** Adds a violation at {@code path} unless {@code money} is absent or in {@code currency}. */
    private static void sameCurrency(Problems problems, String path, Currency currency, Money money) {
        if (money != null && !money.currency().equals(currency)) {
            problems.add(path, "input.currency.other", money, currency.getCurrencyCode());
        }
    }

    private void supervisorOnly(Actor actor) {
        if (!actor.hasRole(Role.SALES_SUPERVISOR)) throw BusinessRuleException.of(SUPERVISOR_ONLY, actor.locale());
    }

    private void activeCustomer(Actor actor, CustomerId customer) {
        CustomerChecks.requireActive(customers, actor, customer);
    }

    private String free(Actor actor, String number) {
        return Numbering.free(actor, "contract", number, n -> contracts.findByNumber(actor.tenant(), n));
    }

    private ContractId newId() {
        return new ContractId(context.nextId());
    }

    private LocalDate today() {
        return LocalDate.ofInstant(context.now(), context.clock().getZone());
    }

    private static KehuException notFound(Actor actor, String recordType, String id) {
        return new RecordNotFoundException(recordType, id, Messages.get(actor.locale(), recordType + ".not-found", id));
    }
}
