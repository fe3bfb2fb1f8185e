package dev.kehu.crm.support;

import static java.util.Objects.requireNonNull;

import dev.kehu.crm.common.Decision;
import dev.kehu.crm.common.Money;
import dev.kehu.crm.customer.CustomerId;
import dev.kehu.crm.customer.Customers;
import dev.kehu.crm.internal.Input;
import dev.kehu.crm.internal.RecordKeeper;
import dev.kehu.crm.internal.ServiceContext;
import dev.kehu.crm.notification.Notification;
import dev.kehu.crm.security.Actor;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Expenses incurred with a customer (费用, S4): recorded by whoever paid, approved or rejected by a supervisor of
 * service agents who is not the claimant, revised by the claimant while not approved. Obtain it from
 * {@code Kehu.expenses()}.
 */
public final class ExpenseService {
    private final ServiceContext context;
    private final Expenses expenses;
    private final Customers customers;
    private final ServiceTickets tickets;
    private final ServiceAgents agents;
    private final RecordKeeper<ExpenseId, Expense> keeper;

    public ExpenseService(ServiceContext context, Expenses expenses, Customers customers, ServiceTickets tickets,
                          ServiceAgents agents) {
        this.context = context;
        this.expenses = expenses;
        this.customers = customers;
        this.tickets = tickets;
        this.agents = agents;
        this.keeper = new RecordKeeper<>(context, Expense.RECORD_TYPE, expenses::find, expenses::save,
                Expense::submittedBy, Expense::version);
    }

    /**
     * Records an expense the actor paid, for a customer and optionally one of the customer's tickets, on a day
     * not after today.
     */
    public Expense record(Actor actor, CustomerId customer, TicketId ticket, ExpenseCategory category, Money amount,
                          String description, LocalDate incurredOn) {
        requireNonNull(customer, "customer");
        requireNonNull(category, "category");
        context.authorize(actor, "expense.create", Expense.RECORD_TYPE, actor.user());
        checkClaim(actor, amount, description, incurredOn);
        return context.inTransaction(actor, () -> {
            if (customers.find(actor.tenant(), customer).isEmpty()) {
                context.rejectInput(actor.locale(), "customer", "customer.not-found", customer.value(), customer.value());
            }
            if (ticket != null && tickets.find(actor.tenant(), ticket).filter(t -> t.customer().equals(customer))
                    .isEmpty()) {
                context.rejectInput(actor.locale(), "ticket", "service-ticket.not-found", ticket.value(), ticket.value());
            }
            Expense expense = Expense.submit(new ExpenseId(context.nextId()), actor.tenant(), customer, ticket, category,
                    amount, description, incurredOn, actor.user(), today(), context.now());
            return keeper.create(actor, expense.id(), "expense.create", expense);
        });
    }

    /** Approved by a supervisor; the claimant is notified. */
    public Expense approve(Actor actor, ExpenseId id, long expectedVersion) {
        return decide(actor, id, expectedVersion, e -> e.approve(actor.user(), context.now()));
    }

    /** Rejected by a supervisor, with the reason; the claimant is notified. */
    public Expense reject(Actor actor, ExpenseId id, long expectedVersion, String reason) {
        context.checkInput(actor, "reason", Input.NOTE, reason);
        return decide(actor, id, expectedVersion, e -> e.reject(actor.user(), reason, context.now()));
    }

    /** Corrected by the claimant and submitted again. */
    public Expense revise(Actor actor, ExpenseId id, long expectedVersion, ExpenseCategory category, Money amount,
                          String description, LocalDate incurredOn) {
        checkClaim(actor, amount, description, incurredOn);
        return keeper.change(actor, id, expectedVersion, "expense.revise", e -> e.revise(category, amount,
                description, incurredOn, actor.user(), today(), context.now()));
    }

    public Optional<Expense> find(Actor actor, ExpenseId id) {
        return keeper.find(actor, id);
    }

    public Expense get(Actor actor, ExpenseId id) {
        return keeper.get(actor, id);
    }

    /** The customer's expenses, newest first, a page at a time (see {@link Expenses#ofCustomer}). */
    public List<Expense> ofCustomer(Actor actor, CustomerId customer, ListPosition before, int limit) {
        context.authorize(actor, "expense.read", Expense.RECORD_TYPE, null);
        return expenses.ofCustomer(actor.tenant(), requireNonNull(customer, "customer"), before, limit);
    }

    private Expense decide(Actor actor, ExpenseId id, long expectedVersion, UnaryOperator<Expense> decision) {
        return context.inTransaction(actor, () -> {
            if (!agents.isSupervisor(actor.tenant(), actor.user())) {
                Decision.refuse(SupportService.SUPERVISOR_ONLY).orThrow(actor.locale());
            }
            Expense decided = keeper.change(actor, id, expectedVersion, "expense.decide", decision);
            context.notify(new Notification(actor.tenant(), decided.submittedBy(), "expense.decision." 
                    + decided.status().name().toLowerCase(java.util.Locale.ROOT), Expense.RECORD_TYPE,
                    decided.id().value(), actor.user(), decided.updatedAt(), Map.of("subject", decided.amount().toString())));
            return decided;
        });
    }

    /** What a claimant enters: the amount, its description and the day, each by the input rules of its kind. */
    private void checkClaim(Actor actor, Money amount, String description, LocalDate incurredOn) {
        context.validator().check(actor.locale(), "amount", Input.MONEY, amount)
                .check("description", Input.NOTE, description).check("incurredOn", Input.DAY, incurredOn).throwIfAny();
    }

    private LocalDate today() {
        return LocalDate.ofInstant(context.now(), context.clock().getZone());
    }
}
