package dev.kehu.crm.assignment;

import static java.util.Objects.requireNonNull;

import dev.kehu.crm.assignment.AssignmentPlan.Assigned;
import dev.kehu.crm.assignment.AssignmentPlan.Unassigned;
import dev.kehu.crm.common.BaseCurrency;
import dev.kehu.crm.common.BusinessRuleException;
import dev.kehu.crm.common.Messages;
import dev.kehu.crm.common.RecordNotFoundException;
import dev.kehu.crm.common.Money;
import dev.kehu.crm.common.TenantId;
import dev.kehu.crm.common.UserId;
import dev.kehu.crm.customer.Customer;
import dev.kehu.crm.customer.Customers;
import dev.kehu.crm.internal.ServiceContext;
import dev.kehu.crm.notification.Notification;
import dev.kehu.crm.opportunity.Opportunities;
import dev.kehu.crm.opportunity.Opportunity;
import dev.kehu.crm.opportunity.OpportunityId;
import dev.kehu.crm.opportunity.OpportunityQuery;
import dev.kehu.crm.opportunity.OpportunityTotals;
import dev.kehu.crm.security.Actor;
import dev.kehu.crm.security.TeamId;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Currency;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Assignment of opportunities to account managers (O6). Only a sales supervisor assigns; each opportunity has
 * exactly one owner at a time; every change of owner is audited and notifies the new owner once it has
 * committed. A batch is one transaction together with the team's round-robin position, so two supervisors
 * assigning for the same team at once cannot both take the same turn: the later one gets a
 * {@link dev.kehu.crm.common.StaleRecordException} and may simply run again. Obtain it from
 * {@code Kehu.assignment()}.
 *
 * <p>The work items the rules see: territory is the customer's province, industry the customer's industry,
 * source the opportunity's source; the weighted amount is in the base currency at today's rate. Load counts
 * the open opportunities each rep owns, not those of the batch; the store counts and sums them, and each
 * currency's weighted total is converted once and rounded to the base currency's minor units.
 */
public final class AssignmentService {
    /** Why an opportunity of the batch was not even planned. */
    public static final String NOT_FOUND = "opportunity.not-found";
    public static final String CLOSED = "opportunity.closed";

    private final ServiceContext context;
    private final Opportunities opportunities;
    private final Customers customers;
    private final RoundRobinPositions positions;
    private final SalesForce salesForce;
    private final BaseCurrency base;

    public AssignmentService(ServiceContext context, Opportunities opportunities, Customers customers,
                             RoundRobinPositions positions, SalesForce salesForce, BaseCurrency base) {
        this.context = context;
        this.opportunities = opportunities;
        this.customers = customers;
        this.positions = positions;
        this.salesForce = salesForce;
        this.base = base;
    }

    /**
     * Gives one opportunity to {@code newOwner} by hand.
     *
     * @return the opportunity with its new owner, as this assignment saved it
     * @throws dev.kehu.crm.common.BusinessRuleException when it cannot be given to them (unknown, inactive,
     *         absent or at their cap; the opportunity closed or missing), with that reason as its code
     */
    public Opportunity assign(Actor actor, OpportunityId id, UserId newOwner) {
        requireNonNull(newOwner, "newOwner");
        // Read back in the assignment's transaction: once it has committed, a concurrent change may follow.
        return context.inTransaction(actor, () -> {
            AssignmentPlan plan = assign(actor, null, List.of(id), AssignmentMethod.byHand(Map.of(id, newOwner)));
            if (!plan.unassigned().isEmpty()) {
                String reason = plan.unassigned().get(0).reason();
                if (reason.equals(NOT_FOUND)) {
                    throw new RecordNotFoundException(Opportunity.RECORD_TYPE, id.value(),
                            Messages.get(actor.locale(), NOT_FOUND, id.value()));
                }
                throw BusinessRuleException.of(reason, actor.locale(), id.value());
            }
            return opportunities.find(actor.tenant(), id).orElseThrow();
        });
    }

    /**
     * Assigns a batch among the members of {@code team} (for picks by hand, {@code team} may be {@code null}:
     * any account manager may be picked). Items that cannot be assigned are listed with the reason and keep
     * their owner; the others change owner together.
     */
    public AssignmentPlan assign(Actor actor, TeamId team, List<OpportunityId> batch, AssignmentMethod method) {
        requireNonNull(method, "method");
        AssignmentPolicy.check(actor).orThrow(actor.locale());
        if (team == null && !(method instanceof AssignmentMethod.ByHandPicks)) {
            throw new IllegalArgumentException("only picks by hand may be made without a team");
        }
        Set<OpportunityId> ids = new LinkedHashSet<>(batch);
        return context.inTransaction(actor, () -> {
            TenantId tenant = actor.tenant();
            Weigher weigh = new Weigher(method.weighsAmounts(), LocalDate.ofInstant(context.now(), context.clock().getZone()));
            List<Unassigned> refused = new ArrayList<>();
            Map<String, Opportunity> byId = new LinkedHashMap<>();
            List<WorkItem> items = new ArrayList<>();
            for (OpportunityId id : ids) {
                Optional<Opportunity> found = opportunities.find(tenant, id);
                if (found.isEmpty()) {
                    refused.add(new Unassigned(id.value(), NOT_FOUND));
                } else if (found.get().status().isClosed()) {
                    refused.add(new Unassigned(id.value(), CLOSED));
                } else {
                    context.authorize(actor, "opportunity.assign", Opportunity.RECORD_TYPE, found.get().owner());
                    byId.put(id.value(), found.get());
                    items.add(workItem(tenant, found.get(), weigh));
                }
            }
            List<SalesRep> reps = reps(tenant, team, method);
            Optional<RoundRobinPositions.Stored> stored = team == null ? Optional.empty() : positions.find(tenant, team);
            RoundRobinPosition position = stored.map(RoundRobinPositions.Stored::position)
                    .orElse(team == null ? null : RoundRobinPosition.start(team));
            AssignmentPlan plan = method.strategy(position).assign(items, reps, load(tenant, reps, byId.values(), weigh));

            Instant now = context.now();
            for (Assigned assigned : plan.assigned()) {
                Opportunity current = byId.get(assigned.item());
                if (current.owner().equals(assigned.rep())) continue;
                Opportunity saved = opportunities.save(current.assignTo(assigned.rep(), now));
                context.audit(actor, Opportunity.RECORD_TYPE, current.id().value(), "opportunity.assign", current, saved);
                context.notify(new Notification(tenant, assigned.rep(), "opportunity.assigned", Opportunity.RECORD_TYPE,
                        current.id().value(), actor.user(), now, Map.of("subject", current.subject())));
            }
            // A batch that took no turn leaves the position, and its version, alone.
            if (plan.position().isPresent() && team != null && !plan.position().get().equals(position)) {
                positions.save(tenant, plan.position().get(), stored.map(RoundRobinPositions.Stored::version).orElse(0L));
            }
            List<Unassigned> unassigned = new ArrayList<>(refused);
            unassigned.addAll(plan.unassigned());
            return new AssignmentPlan(plan.assigned(), unassigned, plan.load(), plan.position());
        });
    }

    /** The members of the team, or for picks by hand without a team, the picked people who are account managers. */
    private List<SalesRep> reps(TenantId tenant, TeamId team, AssignmentMethod method) {
        if (team != null) return salesForce.team(tenant, team);
        Set<UserId> picked = new LinkedHashSet<>(((AssignmentMethod.ByHandPicks) method).picks().values());
        return picked.stream().map(user -> salesForce.rep(tenant, user)).flatMap(Optional::stream).toList();
    }

    private WorkItem workItem(TenantId tenant, Opportunity o, Weigher weigh) {
        Optional<Customer> customer = customers.find(tenant, o.customer());
        return new WorkItem(o.id().value(), customer.map(c -> c.address().province()).orElse(null),
                customer.map(Customer::industry).orElse(null), o.source(), weigh.apply(o));
    }

    /** Weighted amounts in the base currency at today's rate, or zero when the method does not weigh them. */
    private final class Weigher {
        private final boolean weighs;
        private final LocalDate today;

        Weigher(boolean weighs, LocalDate today) {
            this.weighs = weighs;
            this.today = today;
        }

        Money apply(Opportunity o) {
            if (!weighs) return base.zero();
            return o.weightedAmount().map(amount -> base.convert(amount, today)).orElse(base.zero());
        }

        /** The weighted amount of {@code work}: each currency's exact total converted once, then added. */
        Money total(OpenWork work) {
            Money total = base.zero();
            if (!weighs) return total;
            for (Map.Entry<Currency, Money> amount : work.weighted.entrySet()) {
                if (work.counts.get(amount.getKey()) > 0 && !amount.getValue().isNegative()) {
                    total = total.plus(base.convert(amount.getValue(), today));
                }
            }
            return total;
        }
    }

    /**
     * The open work of each rep, leaving out the opportunities being assigned: the store counts and sums each rep's
     * open opportunities ({@link Opportunities#totals}), the batch's own are taken back out, and each currency's
     * weighted total is converted once.
     */
    private Workload load(TenantId tenant, List<SalesRep> reps, Collection<Opportunity> batch, Weigher weigh) {
        Map<UserId, Integer> counts = new HashMap<>();
        Map<UserId, Money> amounts = new HashMap<>();
        for (SalesRep rep : reps) {
            OpenWork work = new OpenWork();
            opportunities.totals(tenant, OpportunityQuery.open().withOwner(rep.user()), OpportunityTotals.Grouping.STAGE)
                    .forEach(t -> work.add(t.count(), t.weighted()));
            batch.stream().filter(o -> o.owner().equals(rep.user())).forEach(work::remove);
            // A batch opportunity that another transaction changed after it was read may not be in the totals:
            // taking it out then must not leave a negative load.
            if (work.count > 0) {
                counts.put(rep.user(), Math.toIntExact(work.count));
                amounts.put(rep.user(), weigh.total(work));
            }
        }
        return new Workload(base.currency(), counts, amounts);
    }

    /** A rep's open opportunities: how many, and per currency how many and their weighted amount. */
    private static final class OpenWork {
        long count;
        final Map<Currency, Long> counts = new HashMap<>();
        final Map<Currency, Money> weighted = new HashMap<>();

        void add(long opportunities, Money weightedAmount) {
            count += opportunities;
            if (weightedAmount == null) return;
            counts.merge(weightedAmount.currency(), opportunities, Long::sum);
            weighted.merge(weightedAmount.currency(), weightedAmount, Money::plus);
        }

        void remove(Opportunity opportunity) {
            count--;
            opportunity.weightedAmount().ifPresent(amount -> {
                counts.merge(amount.currency(), -1L, Long::sum);
                weighted.merge(amount.currency(), amount, Money::minus);
            });
        }
    }
}
