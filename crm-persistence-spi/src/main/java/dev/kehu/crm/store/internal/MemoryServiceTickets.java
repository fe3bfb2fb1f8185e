package dev.kehu.crm.store.internal;

import static java.util.Objects.requireNonNull;

import dev.kehu.crm.common.StaleRecordException;
import dev.kehu.crm.common.TenantId;
import dev.kehu.crm.common.UserId;
import dev.kehu.crm.customer.CustomerId;
import dev.kehu.crm.store.internal.Tables.Key;
import dev.kehu.crm.support.ListPosition;
import dev.kehu.crm.support.ServiceTicket;
import dev.kehu.crm.support.ServiceTickets;
import dev.kehu.crm.support.TicketId;
import dev.kehu.crm.support.TicketStep;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

public final class MemoryServiceTickets implements ServiceTickets {
    private final MemoryTransactions transactions;
    private final VersionedTable<ServiceTicket> tickets;

    public MemoryServiceTickets(MemoryTransactions transactions) {
        this.transactions = transactions;
        tickets = new VersionedTable<>(transactions, ServiceTicket.RECORD_TYPE, tables -> tables.tickets,
                ServiceTicket::version);
    }

    @Override
    public Optional<ServiceTicket> find(TenantId tenant, TicketId id) {
        return tickets.find(tenant, id.value());
    }

    @Override
    public ServiceTicket save(ServiceTicket ticket, Instant slaDeadline) {
        requireNonNull(ticket, "ticket");
        Key key = new Key(ticket.tenant(), ticket.id().value());
        // One write: the deadline changes with the ticket or not at all.
        return transactions.write(tables -> {
            ServiceTicket saved = tickets.save(ticket.tenant(), ticket.id().value(), ticket.version(),
                    version -> ticket.toBuilder().version(version).build());
            if (slaDeadline == null) tables.ticketDeadlines.remove(key);
            else tables.ticketDeadlines.put(key, Ordering.micros(slaDeadline));
            return saved;
        });
    }

    @Override
    public void append(TenantId tenant, TicketStep line) {
        requireNonNull(tenant, "tenant");
        requireNonNull(line, "line");
        Key key = new Key(tenant, line.ticket().value());
        transactions.write(tables -> {
            List<TicketStep> history = tables.ticketHistories.getOrDefault(key, List.of());
            if (history.stream().anyMatch(l -> l.sequence() == line.sequence())) {
                // Whoever wrote this line had read a history one line shorter: the same conflict as a stale version.
                throw new StaleRecordException(ServiceTicket.RECORD_TYPE, key.id(), line.sequence() - 1L);
            }
            return tables.ticketHistories.put(key,
                    Stream.concat(history.stream(), Stream.of(line)).sorted(Ordering.TICKET_HISTORY).toList());
        });
    }

    @Override
    public List<TicketStep> history(TenantId tenant, TicketId id) {
        Key key = new Key(tenant, id.value());
        return transactions.read(tables -> tables.ticketHistories.getOrDefault(key, List.of()));
    }

    @Override
    public List<ServiceTicket> ofCustomer(TenantId tenant, CustomerId customer, ListPosition before, int limit) {
        requireNonNull(customer, "customer");
        Ordering.checkLimit(limit);
        return transactions.read(tables -> Tables.ofTenant(tables.tickets, tenant)
                .filter(t -> t.customer().equals(customer))
                .filter(t -> before == null || Ordering.NEWEST_FIRST.compare(
                        new ListPosition(t.createdAt(), t.id().value()), before) > 0)
                .sorted((a, b) -> Ordering.NEWEST_FIRST.compare(new ListPosition(a.createdAt(), a.id().value()),
                        new ListPosition(b.createdAt(), b.id().value())))
                .limit(limit).toList());
    }

    @Override
    public Map<UserId, Integer> openCounts(TenantId tenant, Collection<UserId> agents) {
        Set<UserId> wanted = Set.copyOf(agents);
        return transactions.read(tables -> {
            Map<UserId, Integer> counts = new HashMap<>();
            Tables.ofTenant(tables.tickets, tenant)
                    .filter(t -> t.isOpen() && t.assignee() != null && wanted.contains(t.assignee()))
                    .forEach(t -> counts.merge(t.assignee(), 1, Integer::sum));
            return Map.copyOf(counts);
        });
    }

    @Override
    public List<Due> slaDue(TenantId tenant, Instant before, ListPosition after, int limit) {
        requireNonNull(before, "before");
        Ordering.checkLimit(limit);
        return transactions.read(tables -> tables.ticketDeadlines.entrySet().stream()
                .filter(e -> e.getKey().tenant().equals(tenant) && e.getValue().isBefore(before))
                .map(e -> new Due(tables.tickets.get(e.getKey()), e.getValue()))
                .filter(due -> after == null || Ordering.POSITIONS.compare(due.position(), after) > 0)
                .sorted((a, b) -> Ordering.POSITIONS.compare(a.position(), b.position()))
                .limit(limit).toList());
    }
}
