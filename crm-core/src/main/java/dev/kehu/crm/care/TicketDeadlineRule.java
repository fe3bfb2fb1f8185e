package dev.kehu.crm.care;

import dev.kehu.crm.common.TenantId;
import dev.kehu.crm.common.UserId;
import dev.kehu.crm.support.ServiceAgents;
import dev.kehu.crm.support.ServiceTicket;
import dev.kehu.crm.support.ServiceTickets;
import dev.kehu.crm.support.ServiceTickets.Due;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Open service tickets whose next service-level deadline (first response or resolution) falls before the end of
 * the day {@code days} days from today (in the clock's zone), so that their agent acts before the breach; a
 * deadline already passed is reminded too, once. The agent holding the ticket is reminded, or for a ticket nobody
 * holds yet, the head of the service desk; a ticket with neither is left out. One reminder per ticket and
 * deadline day: a deadline that moves to another day (the ticket waited for the customer) reminds again. Uses the
 * index on the stored deadline.
 */
final class TicketDeadlineRule implements CareRule<Due> {
    private final ServiceTickets tickets;
    private final ServiceAgents agents;
    private final ZoneId zone;
    private final int days;

    TicketDeadlineRule(ServiceTickets tickets, ServiceAgents agents, ZoneId zone, int days) {
        this.tickets = tickets;
        this.agents = agents;
        this.zone = zone;
        this.days = days;
    }

    @Override
    public String name() {
        return CareRules.TICKETS_NEAR_BREACH;
    }

    @Override
    public List<Due> page(TenantId tenant, LocalDate today, Due after, int limit) {
        return tickets.slaDue(tenant, Horizon.startOfDayAhead(today, days + 1L, zone),
                after == null ? null : after.position(), limit);
    }

    @Override
    public List<ReminderCandidate> candidates(TenantId tenant, List<Due> rows, LocalDate today) {
        List<ReminderCandidate> found = new ArrayList<>();
        for (Due due : rows) {
            ServiceTicket ticket = due.ticket();
            Optional<UserId> recipient = ticket.assignee() != null ? Optional.of(ticket.assignee())
                    : agents.supervisorOf(tenant, null);
            recipient.ifPresent(user -> found.add(new ReminderCandidate(ServiceTicket.RECORD_TYPE,
                    ticket.id().value(), ticket.id().value(), LocalDate.ofInstant(due.deadline(), zone), user,
                    ticket.subject(), Map.of("priority", ticket.priority().name(),
                    "deadline", due.deadline().toString()))));
        }
        return found;
    }
}
