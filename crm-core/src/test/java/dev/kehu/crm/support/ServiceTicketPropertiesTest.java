package dev.kehu.crm.support;

import static dev.kehu.crm.support.Tickets.DESK;
import static dev.kehu.crm.support.Tickets.LIU;
import static dev.kehu.crm.support.Tickets.SUPERVISOR;
import static dev.kehu.crm.support.Tickets.ZHANG;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kehu.crm.common.BusinessRuleException;
import dev.kehu.crm.common.UserId;
import dev.kehu.crm.support.SlaStatus.Deadline;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

/** Random sequences of changes, allowed or refused, never break a ticket's invariants or its SLA clock. */
class ServiceTicketPropertiesTest {
    private static final Instant T0 = BusinessHoursTest.at("2026-11-02 08:30");
    private static final Set<TicketStatus> WORKABLE = EnumSet.of(TicketStatus.ASSIGNED, TicketStatus.IN_PROGRESS,
            TicketStatus.WAITING_FOR_CUSTOMER);

    /** One thing a person may try; {@link #allowed} decides independently of the code under test. */
    sealed interface Command {
        ServiceTicket.Change apply(ServiceTicket t, Instant at);

        boolean allowed(ServiceTicket t);
    }

    private static boolean hasText(String text) {
        return text != null && !text.isBlank();
    }

    record Assign(UserId agent) implements Command {
        public ServiceTicket.Change apply(ServiceTicket t, Instant at) { return t.assign(agent, SUPERVISOR, at); }
        public boolean allowed(ServiceTicket t) { return t.status().isOpen() && !agent.equals(t.assignee()); }
    }

    record Start() implements Command {
        public ServiceTicket.Change apply(ServiceTicket t, Instant at) { return t.start(t.assignee() == null ? ZHANG : t.assignee(), at); }
        public boolean allowed(ServiceTicket t) { return t.status() == TicketStatus.ASSIGNED; }
    }

    record Respond(String note) implements Command {
        public ServiceTicket.Change apply(ServiceTicket t, Instant at) { return t.respond(note, ZHANG, at); }
        public boolean allowed(ServiceTicket t) { return WORKABLE.contains(t.status()) && hasText(note); }
    }

    record Ask(String question) implements Command {
        public ServiceTicket.Change apply(ServiceTicket t, Instant at) { return t.askCustomer(question, ZHANG, at); }
        public boolean allowed(ServiceTicket t) { return t.status() == TicketStatus.IN_PROGRESS && hasText(question); }
    }

    record Reply() implements Command {
        public ServiceTicket.Change apply(ServiceTicket t, Instant at) { return t.customerReplied(null, ZHANG, at); }
        public boolean allowed(ServiceTicket t) { return t.status() == TicketStatus.WAITING_FOR_CUSTOMER; }
    }

    record Resolve(String resolution) implements Command {
        public ServiceTicket.Change apply(ServiceTicket t, Instant at) { return t.resolve(resolution, ZHANG, at); }
        public boolean allowed(ServiceTicket t) { return WORKABLE.contains(t.status()) && hasText(resolution); }
    }

    record Close() implements Command {
        public ServiceTicket.Change apply(ServiceTicket t, Instant at) { return t.close(null, ZHANG, at); }
        public boolean allowed(ServiceTicket t) {
            return t.status() == TicketStatus.RESOLVED && t.measures().stream().allMatch(CorrectiveMeasure::isDone);
        }
    }

    record Reopen(String reason) implements Command {
        public ServiceTicket.Change apply(ServiceTicket t, Instant at) { return t.reopen(reason, DESK, at); }
        public boolean allowed(ServiceTicket t) { return !t.status().isOpen() && hasText(reason); }
    }

    record AddMeasure(String what) implements Command {
        public ServiceTicket.Change apply(ServiceTicket t, Instant at) {
            return t.addMeasure(what, LIU, LocalDate.of(2026, 12, 1), ZHANG, at);
        }
        public boolean allowed(ServiceTicket t) {
            return t.kind() == TicketKind.COMPLAINT && t.status() != TicketStatus.CLOSED && hasText(what);
        }
    }

    record CompleteMeasure(int number) implements Command {
        public ServiceTicket.Change apply(ServiceTicket t, Instant at) { return t.completeMeasure(number, "已跟踪", LIU, at); }
        public boolean allowed(ServiceTicket t) {
            return number >= 1 && number <= t.measures().size() && !t.measures().get(number - 1).isDone();
        }
    }

    record Survey(int score) implements Command {
        public ServiceTicket.Change apply(ServiceTicket t, Instant at) { return t.survey(score, null, DESK, at); }
        public boolean allowed(ServiceTicket t) { return !t.status().isOpen() && t.survey() == null && score >= 1 && score <= 5; }
    }

    record Escalate(SlaTarget target) implements Command {
        public ServiceTicket.Change apply(ServiceTicket t, Instant at) { return t.escalate(Set.of(target), SUPERVISOR, DESK, at); }
        public boolean allowed(ServiceTicket t) { return t.status().isOpen() && !t.escalated().contains(target); }
    }

    record Reprioritise(TicketPriority priority) implements Command {
        public ServiceTicket.Change apply(ServiceTicket t, Instant at) { return t.reprioritise(priority, null, SUPERVISOR, at); }
        public boolean allowed(ServiceTicket t) { return t.status().isOpen() && priority != t.priority(); }
    }

    @Provide
    Arbitrary<List<Command>> commands() {
        Arbitrary<String> notes = Arbitraries.of(null, " ", "已处理", "　");
        return Arbitraries.<Command>frequencyOf(
                Tuple.of(3, Arbitraries.of(ZHANG, LIU).map(Assign::new)),
                Tuple.of(3, Arbitraries.just(new Start())),
                Tuple.of(2, notes.map(Respond::new)),
                Tuple.of(2, notes.map(Ask::new)),
                Tuple.of(2, Arbitraries.just(new Reply())),
                Tuple.of(3, notes.map(Resolve::new)),
                Tuple.of(2, Arbitraries.just(new Close())),
                Tuple.of(2, notes.map(Reopen::new)),
                Tuple.of(2, notes.map(AddMeasure::new)),
                Tuple.of(2, Arbitraries.integers().between(0, 3).map(CompleteMeasure::new)),
                Tuple.of(1, Arbitraries.integers().between(0, 6).map(Survey::new)),
                Tuple.of(1, Arbitraries.of(SlaTarget.class).map(Escalate::new)),
                Tuple.of(1, Arbitraries.of(TicketPriority.class).map(Reprioritise::new)))
                .list().ofMaxSize(40);
    }

    @Property(tries = 300)
    @Label("exactly the allowed changes happen, the history replays, and the SLA clock stays consistent")
    void invariantsHold(@ForAll("commands") List<Command> commands, @ForAll TicketKind kind,
                        @ForAll("gaps") List<Integer> gaps) {
        Tickets tickets = Tickets.open(kind, TicketPriority.NORMAL, T0);
        Instant at = T0;
        Instant firstResponse = null;
        for (int i = 0; i < commands.size(); i++) {
            Command command = commands.get(i);
            at = at.plus(Duration.ofMinutes(gaps.isEmpty() ? 30 : gaps.get(i % gaps.size())));
            ServiceTicket before = tickets.ticket();
            boolean expected = command.allowed(before);
            Instant when = at;
            try {
                tickets.then(t -> command.apply(t, when));
                assertThat(expected).as("%s was allowed on %s", command, before.status()).isTrue();
            } catch (BusinessRuleException refused) {
                assertThat(expected).as("%s was refused (%s) on %s", command, refused.code(), before.status()).isFalse();
                assertThat(tickets.ticket()).isEqualTo(before);
            }
            ServiceTicket t = tickets.ticket();
            if (firstResponse != null) assertThat(t.firstResponseAt()).as("the first response is kept").isEqualTo(firstResponse);
            firstResponse = t.firstResponseAt();
            assertThat(t.historyLength()).isEqualTo(tickets.history().size());
            assertThat(TicketHistory.replay(tickets.history())).isEqualTo(t.status());
            checkSla(tickets, at.plus(Duration.ofMinutes(1)));
        }
    }

    @Provide
    Arbitrary<List<Integer>> gaps() {
        return Arbitraries.integers().between(1, 24 * 60).list().ofMinSize(1).ofMaxSize(10);
    }

    private static void checkSla(Tickets tickets, Instant at) {
        ServiceTicket t = tickets.ticket();
        SlaStatus status = SlaClockTest.CLOCK.status(t, tickets.history(), at);
        BusinessHours hours = SlaClockTest.LEVEL.hoursFor(t.priority());
        for (Deadline d : List.of(status.firstResponse(), status.resolution())) {
            switch (d.state()) {
                case BREACHED -> assertThat(at).isAfter(d.due());
                case ON_TRACK, AT_RISK -> assertThat(at).isBeforeOrEqualTo(d.due());
                case PAUSED -> assertThat(t.status()).isEqualTo(TicketStatus.WAITING_FOR_CUSTOMER);
                case MET, MISSED -> { }
            }
            assertThat(d.used()).isBetween(Duration.ZERO, hours.between(t.createdAt(), at));
        }
        assertThat(status.firstResponse().state() == SlaState.MET || status.firstResponse().state() == SlaState.MISSED)
                .isEqualTo(t.firstResponseAt() != null);
        assertThat(status.resolution().state() == SlaState.MET || status.resolution().state() == SlaState.MISSED)
                .isEqualTo(!t.isOpen());
        assertThat(status.toEscalate(t)).allMatch(target -> !t.escalated().contains(target) && t.isOpen());
    }
}
