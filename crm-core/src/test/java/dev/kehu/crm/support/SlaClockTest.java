package dev.kehu.crm.support;

import static dev.kehu.crm.support.BusinessHoursTest.OFFICE;
import static dev.kehu.crm.support.BusinessHoursTest.at;
import static dev.kehu.crm.support.Tickets.DESK;
import static dev.kehu.crm.support.Tickets.SUPERVISOR;
import static dev.kehu.crm.support.Tickets.ZHANG;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kehu.crm.support.ServiceLevel.Targets;
import dev.kehu.crm.support.SlaStatus.Deadline;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Service-level deadlines in the Shanghai office of {@link BusinessHoursTest} (Mon–Fri 09:00–12:00, 13:00–18:00):
 * normal tickets are answered within 2 working hours and resolved within 16; urgent ones within 30 minutes and
 * 4 hours around the clock. The warning comes one working hour before a deadline.
 */
class SlaClockTest {
    static final ServiceLevel LEVEL = ServiceLevel.of(OFFICE, Duration.ofHours(1), Map.of(
            TicketPriority.LOW, Targets.within(Duration.ofHours(8), Duration.ofHours(40)),
            TicketPriority.NORMAL, Targets.within(Duration.ofHours(2), Duration.ofHours(16)),
            TicketPriority.HIGH, Targets.within(Duration.ofHours(1), Duration.ofHours(8)),
            TicketPriority.URGENT, new Targets(Duration.ofMinutes(30), Duration.ofHours(4), true)));
    static final SlaClock CLOCK = new SlaClock(LEVEL);

    static Tickets normal(String createdAt) {
        return Tickets.open(TicketKind.REPAIR, TicketPriority.NORMAL, at(createdAt))
                .then(t -> t.assign(ZHANG, SUPERVISOR, at(createdAt).plusSeconds(60)));
    }

    static SlaStatus status(Tickets tickets, String when) {
        return CLOCK.status(tickets.ticket(), tickets.history(), at(when));
    }

    @Nested
    @DisplayName("first response")
    class FirstResponse {
        // Opened on Friday 17:00: one working hour on Friday, the second on Monday morning.
        final Tickets friday = normal("2026-11-06 17:00");

        @Test
        @DisplayName("is due two working hours after opening, over the weekend")
        void due() {
            Deadline first = status(friday, "2026-11-06 17:30").firstResponse();
            assertThat(first.due()).isEqualTo(at("2026-11-09 10:00"));
            assertThat(first.state()).isEqualTo(SlaState.ON_TRACK);
            assertThat(first.used()).isEqualTo(Duration.ofMinutes(30));
            // The warning counts working time: over the weekend only Monday's first hour is left.
            assertThat(status(friday, "2026-11-06 17:59").firstResponse().state()).isEqualTo(SlaState.ON_TRACK);
            assertThat(status(friday, "2026-11-08 20:00").firstResponse().state()).isEqualTo(SlaState.AT_RISK);
        }

        @Test
        @DisplayName("is about to breach within the warning, still so at the deadline, and breached just after it")
        void warningAndBreach() {
            assertThat(status(friday, "2026-11-09 09:00").firstResponse().state()).isEqualTo(SlaState.AT_RISK);
            assertThat(status(friday, "2026-11-09 10:00").firstResponse().state()).isEqualTo(SlaState.AT_RISK);
            SlaStatus late = status(friday, "2026-11-09 10:00:01");
            assertThat(late.firstResponse().state()).isEqualTo(SlaState.BREACHED);
            assertThat(late.firstResponse().left()).isEqualTo(Duration.ofSeconds(-1));
            assertThat(late.breached()).containsExactly(SlaTarget.FIRST_RESPONSE);
            assertThat(late.toEscalate(friday.ticket())).containsExactly(SlaTarget.FIRST_RESPONSE);
        }

        @Test
        @DisplayName("is met by a response up to the deadline and missed by a later one")
        void metOrMissed() {
            Tickets inTime = normal("2026-11-06 17:00").then(t -> t.start(ZHANG, at("2026-11-09 10:00")));
            assertThat(status(inTime, "2026-11-09 11:00").firstResponse().state()).isEqualTo(SlaState.MET);
            Tickets late = normal("2026-11-06 17:00").then(t -> t.respond("已回电", ZHANG, at("2026-11-09 10:30")));
            SlaStatus status = status(late, "2026-11-09 11:00");
            assertThat(status.firstResponse().state()).isEqualTo(SlaState.MISSED);
            assertThat(status.firstResponse().used()).isEqualTo(Duration.ofMinutes(150));
            assertThat(status.toEscalate(late.ticket())).containsExactly(SlaTarget.FIRST_RESPONSE);
            // Before the late response, the ticket was simply breached.
            assertThat(status(late, "2026-11-09 10:15").firstResponse().state()).isEqualTo(SlaState.BREACHED);
        }

        @Test
        @DisplayName("an escalated breach is not escalated again")
        void escalatedOnce() {
            friday.then(t -> t.escalate(Set.of(SlaTarget.FIRST_RESPONSE), SUPERVISOR, DESK, at("2026-11-09 10:01")));
            assertThat(status(friday, "2026-11-09 11:00").toEscalate(friday.ticket())).isEmpty();
        }
    }

    @Nested
    @DisplayName("resolution")
    class Resolution {
        @Test
        @DisplayName("is due sixteen working hours after opening, and at risk in its last working hour")
        void due() {
            Tickets monday = normal("2026-11-02 09:00").then(t -> t.start(ZHANG, at("2026-11-02 09:30")));
            Deadline resolution = status(monday, "2026-11-02 10:00").resolution();
            assertThat(resolution.due()).isEqualTo(at("2026-11-03 18:00"));
            assertThat(resolution.used()).isEqualTo(Duration.ofHours(1));
            assertThat(resolution.state()).isEqualTo(SlaState.ON_TRACK);
            assertThat(status(monday, "2026-11-03 17:00").resolution().state()).isEqualTo(SlaState.AT_RISK);
            assertThat(status(monday, "2026-11-04 09:00").resolution().state()).isEqualTo(SlaState.BREACHED);
            // Tuesday evening after closing is past the deadline, though no working time has passed since.
            assertThat(status(monday, "2026-11-03 18:30").resolution().state()).isEqualTo(SlaState.BREACHED);
        }

        @Test
        @DisplayName("stops while waiting for the customer and goes on with the time left when they reply")
        void pausesWhileWaiting() {
            Tickets monday = normal("2026-11-02 09:00")
                    .then(t -> t.start(ZHANG, at("2026-11-02 10:00")))
                    .then(t -> t.askCustomer("请提供序列号", ZHANG, at("2026-11-02 11:00")));
            Deadline waiting = status(monday, "2026-11-04 08:00").resolution();
            assertThat(waiting.state()).isEqualTo(SlaState.PAUSED);
            assertThat(waiting.due()).isNull();
            assertThat(waiting.used()).isEqualTo(Duration.ofHours(2));

            monday.then(t -> t.customerReplied("SN123", ZHANG, at("2026-11-04 09:00")));
            Deadline resumed = status(monday, "2026-11-04 10:00").resolution();
            assertThat(resumed.due()).isEqualTo(at("2026-11-05 16:00"));
            assertThat(resumed.used()).isEqualTo(Duration.ofHours(3));
            assertThat(resumed.state()).isEqualTo(SlaState.ON_TRACK);
        }

        @Test
        @DisplayName("a breach before the pause stays a breach while waiting")
        void breachedThenWaiting() {
            Tickets high = Tickets.open(TicketKind.REPAIR, TicketPriority.HIGH, at("2026-11-02 09:00"))
                    .then(t -> t.assign(ZHANG, SUPERVISOR, at("2026-11-02 09:05")))
                    .then(t -> t.start(ZHANG, at("2026-11-02 09:10")))
                    .then(t -> t.askCustomer("什么时候方便上门？", ZHANG, at("2026-11-03 10:00")));
            Deadline resolution = status(high, "2026-11-03 11:00").resolution();
            assertThat(resolution.state()).isEqualTo(SlaState.BREACHED);
            assertThat(resolution.due()).isEqualTo(at("2026-11-02 18:00"));
        }

        @Test
        @DisplayName("a ticket waiting with its time exactly spent is paused, and breached as soon as it runs again")
        void exactlySpent() {
            Tickets high = Tickets.open(TicketKind.REPAIR, TicketPriority.HIGH, at("2026-11-02 09:00"))
                    .then(t -> t.assign(ZHANG, SUPERVISOR, at("2026-11-02 09:05")))
                    .then(t -> t.start(ZHANG, at("2026-11-02 09:10")))
                    .then(t -> t.askCustomer("?", ZHANG, at("2026-11-02 18:00")));
            assertThat(status(high, "2026-11-03 09:30").resolution().state()).isEqualTo(SlaState.PAUSED);
            high.then(t -> t.customerReplied(null, ZHANG, at("2026-11-03 10:00")));
            assertThat(status(high, "2026-11-03 10:00").resolution().state()).isEqualTo(SlaState.AT_RISK);
            assertThat(status(high, "2026-11-03 10:00:01").resolution().state()).isEqualTo(SlaState.BREACHED);
        }

        @Test
        @DisplayName("is met by a resolution in time and missed by a late one")
        void metOrMissed() {
            Tickets inTime = normal("2026-11-02 09:00").then(t -> t.resolve("已修复", ZHANG, at("2026-11-03 18:00")));
            SlaStatus met = status(inTime, "2026-11-05 12:00");
            assertThat(met.resolution().state()).isEqualTo(SlaState.MET);
            assertThat(met.resolution().used()).isEqualTo(Duration.ofHours(16));
            Tickets late = normal("2026-11-02 09:00").then(t -> t.resolve("已修复", ZHANG, at("2026-11-04 09:30")));
            SlaStatus missed = status(late, "2026-11-05 12:00");
            assertThat(missed.resolution().state()).isEqualTo(SlaState.MISSED);
            assertThat(missed.resolution().due()).isEqualTo(at("2026-11-03 18:00"));
            assertThat(missed.breached()).contains(SlaTarget.RESOLUTION);
            assertThat(missed.toEscalate(late.ticket())).as("a resolved ticket is not escalated").isEmpty();
        }

        @Test
        @DisplayName("a reopened ticket carries on with the working time it had left")
        void reopened() {
            Tickets monday = normal("2026-11-02 09:00").then(t -> t.resolve("重启", ZHANG, at("2026-11-02 18:00")))
                    .then(t -> t.reopen("又坏了", DESK, at("2026-11-04 09:00")));
            Deadline resolution = status(monday, "2026-11-04 10:00").resolution();
            assertThat(resolution.due()).isEqualTo(at("2026-11-04 18:00"));
            assertThat(resolution.used()).isEqualTo(Duration.ofHours(9));
            assertThat(status(monday, "2026-11-03 12:00").resolution().state())
                    .as("before reopening, it had been resolved in time").isEqualTo(SlaState.MET);
        }
    }

    @Test
    @DisplayName("urgent tickets count around the clock, weekend or not")
    void urgentAroundTheClock() {
        Tickets urgent = Tickets.open(TicketKind.REPAIR, TicketPriority.URGENT, at("2026-11-07 22:00"));
        SlaStatus status = status(urgent, "2026-11-07 22:10");
        assertThat(status.firstResponse().due()).isEqualTo(at("2026-11-07 22:30"));
        assertThat(status.resolution().due()).isEqualTo(at("2026-11-08 02:00"));
        assertThat(status.firstResponse().state()).isEqualTo(SlaState.AT_RISK);
        assertThat(status(urgent, "2026-11-07 23:00").breached()).containsExactly(SlaTarget.FIRST_RESPONSE);
    }

    @Test
    @DisplayName("the targets are those of the current priority")
    void currentPriority() {
        Tickets raised = normal("2026-11-02 09:00")
                .then(t -> t.reprioritise(TicketPriority.HIGH, "客户是VIP", SUPERVISOR, at("2026-11-02 09:20")));
        SlaStatus status = status(raised, "2026-11-02 09:30");
        assertThat(status.priority()).isEqualTo(TicketPriority.HIGH);
        assertThat(status.firstResponse().due()).isEqualTo(at("2026-11-02 10:00"));
        assertThat(status.firstResponse().state()).isEqualTo(SlaState.AT_RISK);
    }

    @Test
    @DisplayName("without a warning, a target is on track up to its deadline")
    void noWarning() {
        SlaClock clock = new SlaClock(new ServiceLevel(OFFICE, LEVEL.targets(), Duration.ZERO));
        Tickets friday = normal("2026-11-06 17:00");
        assertThat(clock.status(friday.ticket(), friday.history(), at("2026-11-09 10:00")).firstResponse().state())
                .isEqualTo(SlaState.ON_TRACK);
    }

    @Test
    @DisplayName("a history that is not the ticket's, an instant before the ticket and missing targets are programming errors")
    void invalid() {
        Tickets monday = normal("2026-11-02 09:00");
        assertThatThrownBy(() -> CLOCK.status(monday.ticket(), monday.history().subList(0, 1), at("2026-11-02 10:00")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CLOCK.status(monday.ticket(), monday.history(), at("2026-11-02 08:00")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ServiceLevel.of(OFFICE, Duration.ZERO, Map.of(TicketPriority.NORMAL,
                Targets.within(Duration.ofHours(2), Duration.ofHours(16))))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Targets.within(Duration.ofHours(3), Duration.ofHours(2)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(List.of(SlaState.BREACHED, SlaState.MISSED)).allMatch(SlaState::isBreach);
    }
}
