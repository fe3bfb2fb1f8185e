package dev.kehu.crm.support;

import static dev.kehu.crm.common.Refusals.refusal;
import static dev.kehu.crm.support.Tickets.DESK;
import static dev.kehu.crm.support.Tickets.LIU;
import static dev.kehu.crm.support.Tickets.SUPERVISOR;
import static dev.kehu.crm.support.Tickets.ZHANG;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kehu.crm.common.Messages;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ServiceTicketTest {
    static final Instant T0 = Instant.parse("2026-11-02T02:00:00Z");

    static Instant t(int minutes) {
        return T0.plusSeconds(60L * minutes);
    }

    static Tickets assigned(TicketKind kind) {
        return Tickets.open(kind, TicketPriority.NORMAL, T0).then(t -> t.assign(ZHANG, SUPERVISOR, t(5)));
    }

    @Test
    @DisplayName("a new ticket is unassigned, unanswered, with one history line")
    void opens() {
        Tickets tickets = Tickets.open(TicketKind.REPAIR, TicketPriority.HIGH, T0);
        ServiceTicket ticket = tickets.ticket();
        assertThat(ticket.status()).isEqualTo(TicketStatus.NEW);
        assertThat(ticket.assignee()).isNull();
        assertThat(ticket.firstResponseAt()).isNull();
        assertThat(ticket.skill()).isEqualTo("printer");
        assertThat(tickets.history()).singleElement().satisfies(step -> {
            assertThat(step.kind()).isEqualTo(StepKind.CREATED);
            assertThat(step.to()).isEqualTo(TicketStatus.NEW);
        });
    }

    @Test
    @DisplayName("the whole way: assign, start, ask the customer, reply, resolve, survey, close; every step in the history")
    void lifecycle() {
        Tickets tickets = assigned(TicketKind.REPAIR)
                .then(t -> t.start(ZHANG, t(30)))
                .then(t -> t.askCustomer("打印机型号是什么？", ZHANG, t(40)))
                .then(t -> t.customerReplied("HP M404", ZHANG, t(90)))
                .then(t -> t.resolve("更换搓纸轮", ZHANG, t(200)))
                .then(t -> t.survey(5, "很快", DESK, t(300)))
                .then(t -> t.close(null, ZHANG, t(400)));
        ServiceTicket ticket = tickets.ticket();
        assertThat(ticket.status()).isEqualTo(TicketStatus.CLOSED);
        assertThat(ticket.firstResponseAt()).isEqualTo(t(30));
        assertThat(ticket.resolvedAt()).isEqualTo(t(200));
        assertThat(ticket.closedAt()).isEqualTo(t(400));
        assertThat(ticket.survey().score()).isEqualTo(5);
        assertThat(tickets.history()).extracting(TicketStep::kind).containsExactly(StepKind.CREATED,
                StepKind.ASSIGNED, StepKind.STARTED, StepKind.WAITING, StepKind.CUSTOMER_REPLIED, StepKind.RESOLVED,
                StepKind.SURVEYED, StepKind.CLOSED);
        assertThat(ticket.historyLength()).isEqualTo(8);
        assertThat(TicketHistory.replay(tickets.history())).isEqualTo(TicketStatus.CLOSED);
    }

    @Test
    @DisplayName("the first response is the first agent action, not the assignment, and it is kept")
    void firstResponse() {
        Tickets tickets = assigned(TicketKind.INQUIRY);
        assertThat(tickets.ticket().firstResponseAt()).isNull();
        tickets.then(t -> t.respond("已电话回复", ZHANG, t(20))).then(t -> t.start(ZHANG, t(50)));
        assertThat(tickets.ticket().firstResponseAt()).isEqualTo(t(20));
        assertThat(assigned(TicketKind.INQUIRY).then(t -> t.resolve("已答复", ZHANG, t(9))).ticket().firstResponseAt())
                .isEqualTo(t(9));
    }

    @Test
    @DisplayName("moves the state machine does not have are refused with the statuses in the message")
    void refusedMoves() {
        ServiceTicket fresh = Tickets.open(TicketKind.REPAIR, TicketPriority.NORMAL, T0).ticket();
        var refused = refusal(() -> fresh.start(ZHANG, t(1)));
        assertThat(refused.code()).isEqualTo("service.ticket.move.not-allowed");
        assertThat(Messages.get(Locale.CHINA, refused.code(), refused.arguments().toArray()))
                .isEqualTo("服务单tk-1不能从新建变为处理中");
        assertThat(refusal(() -> fresh.resolve("x", ZHANG, t(1))).code()).isEqualTo("service.ticket.move.not-allowed");
        assertThat(refusal(() -> fresh.respond("x", ZHANG, t(1))).code()).isEqualTo("service.ticket.unassigned");
        ServiceTicket assignedOnly = assigned(TicketKind.REPAIR).ticket();
        assertThat(refusal(() -> assignedOnly.askCustomer("?", ZHANG, t(9))).code()).isEqualTo("service.ticket.move.not-allowed");
        assertThat(refusal(() -> assignedOnly.close(null, ZHANG, t(9))).code()).isEqualTo("service.ticket.move.not-allowed");
        assertThat(refusal(() -> assignedOnly.reopen("x", ZHANG, t(9))).code()).isEqualTo("service.ticket.move.not-allowed");
        assertThat(refusal(() -> assignedOnly.customerReplied(null, ZHANG, t(9))).code())
                .isEqualTo("service.ticket.move.not-allowed");
        assertThat(refusal(() -> assignedOnly.assign(ZHANG, SUPERVISOR, t(9))).code()).isEqualTo("service.ticket.assignee.same");
        assertThat(refusal(() -> assignedOnly.resolve(" ", ZHANG, t(9))).code()).isEqualTo("service.ticket.resolution.blank");
    }

    @Test
    @DisplayName("reassigning keeps the work going with the new agent; a resolved ticket cannot be reassigned")
    void reassign() {
        Tickets tickets = assigned(TicketKind.REPAIR).then(t -> t.start(ZHANG, t(10)))
                .then(t -> t.assign(LIU, SUPERVISOR, t(20)));
        assertThat(tickets.ticket().status()).isEqualTo(TicketStatus.IN_PROGRESS);
        assertThat(tickets.ticket().assignee()).isEqualTo(LIU);
        assertThat(tickets.history().get(tickets.history().size() - 1).assignee()).isEqualTo(LIU);
        ServiceTicket resolved = tickets.then(t -> t.resolve("ok", LIU, t(30))).ticket();
        assertThat(refusal(() -> resolved.assign(ZHANG, SUPERVISOR, t(40))).code()).isEqualTo("service.ticket.not-open");
    }

    @Test
    @DisplayName("a resolved or closed ticket is reopened for the same agent, with a reason, and loses its resolution")
    void reopen() {
        Tickets tickets = assigned(TicketKind.REPAIR).then(t -> t.resolve("重启", ZHANG, t(10)));
        assertThat(refusal(() -> tickets.ticket().reopen(" ", DESK, t(20))).code()).isEqualTo("service.ticket.reopen.reason");
        tickets.then(t -> t.reopen("又坏了", DESK, t(20)));
        assertThat(tickets.ticket().status()).isEqualTo(TicketStatus.ASSIGNED);
        assertThat(tickets.ticket().assignee()).isEqualTo(ZHANG);
        assertThat(tickets.ticket().resolvedAt()).isNull();
        assertThat(tickets.ticket().resolution()).isNull();
        tickets.then(t -> t.resolve("更换主板", ZHANG, t(30))).then(t -> t.close(null, ZHANG, t(40)))
                .then(t -> t.reopen("客户不认可", SUPERVISOR, t(50)));
        assertThat(tickets.ticket().closedAt()).isNull();
        assertThat(tickets.ticket().status()).isEqualTo(TicketStatus.ASSIGNED);
    }

    @Test
    @DisplayName("a complaint carries corrective measures and is not closed while one is open")
    void complaintMeasures() {
        Tickets tickets = assigned(TicketKind.COMPLAINT)
                .then(t -> t.addMeasure("培训装机人员", LIU, LocalDate.of(2026, 11, 20), ZHANG, t(10)))
                .then(t -> t.addMeasure("回访客户", ZHANG, LocalDate.of(2026, 11, 10), ZHANG, t(11)))
                .then(t -> t.resolve("已道歉并重新安装", ZHANG, t(20)))
                .then(t -> t.completeMeasure(2, "客户表示满意", ZHANG, t(30)));
        ServiceTicket ticket = tickets.ticket();
        assertThat(ticket.measures()).extracting(CorrectiveMeasure::number).containsExactly(1, 2);
        assertThat(ticket.openMeasures()).extracting(CorrectiveMeasure::what).containsExactly("培训装机人员");
        assertThat(ticket.measures().get(0).isOverdue(LocalDate.of(2026, 11, 21))).isTrue();
        var refused = refusal(() -> ticket.close(null, ZHANG, t(40)));
        assertThat(refused.code()).isEqualTo("service.ticket.measures-open");
        assertThat(refused.arguments()).containsExactly("tk-1", 1);

        tickets.then(t -> t.completeMeasure(1, "已培训并考核", LIU, t(50))).then(t -> t.close(null, ZHANG, t(60)));
        assertThat(tickets.ticket().status()).isEqualTo(TicketStatus.CLOSED);
        ServiceTicket closed = tickets.ticket();
        assertThat(refusal(() -> closed.addMeasure("再次回访", ZHANG, LocalDate.of(2026, 12, 1), ZHANG, t(70))).code())
                .isEqualTo("service.ticket.closed");
    }

    @Test
    @DisplayName("corrective measures are for complaints only, need a description, a known number and a follow-up note")
    void measureRefusals() {
        ServiceTicket repair = assigned(TicketKind.REPAIR).ticket();
        LocalDate due = LocalDate.of(2026, 11, 20);
        assertThat(refusal(() -> repair.addMeasure("x", ZHANG, due, ZHANG, t(1))).code())
                .isEqualTo("service.ticket.measure.not-complaint");
        ServiceTicket complaint = assigned(TicketKind.COMPLAINT).then(t -> t.addMeasure("整改", ZHANG, due, ZHANG, t(1)))
                .ticket();
        assertThat(refusal(() -> complaint.addMeasure(" ", ZHANG, due, ZHANG, t(2))).code()).isEqualTo("service.ticket.measure.blank");
        assertThat(refusal(() -> complaint.completeMeasure(2, "ok", ZHANG, t(2))).code()).isEqualTo("service.ticket.measure.unknown");
        assertThat(refusal(() -> complaint.completeMeasure(1, "", ZHANG, t(2))).code())
                .isEqualTo("service.ticket.measure.follow-up.blank");
        ServiceTicket done = complaint.completeMeasure(1, "ok", ZHANG, t(2)).ticket();
        assertThat(refusal(() -> done.completeMeasure(1, "again", ZHANG, t(3))).code()).isEqualTo("service.ticket.measure.done");
    }

    @Test
    @DisplayName("the satisfaction survey comes after resolution, once, with a score from 1 to 5")
    void survey() {
        ServiceTicket open = assigned(TicketKind.INQUIRY).ticket();
        assertThat(refusal(() -> open.survey(4, null, DESK, t(1))).code()).isEqualTo("service.ticket.survey.not-resolved");
        ServiceTicket resolved = open.resolve("已答复", ZHANG, t(2)).ticket();
        assertThat(refusal(() -> resolved.survey(0, null, DESK, t(3))).code()).isEqualTo("service.ticket.survey.score");
        assertThat(refusal(() -> resolved.survey(6, null, DESK, t(3))).code()).isEqualTo("service.ticket.survey.score");
        ServiceTicket surveyed = resolved.survey(2, "等太久", DESK, t(3)).ticket();
        assertThat(surveyed.survey().isDissatisfied()).isTrue();
        assertThat(refusal(() -> surveyed.survey(5, null, DESK, t(4))).code()).isEqualTo("service.ticket.survey.done");
        assertThat(surveyed.close(null, ZHANG, t(5)).ticket().survey()).isEqualTo(surveyed.survey());
    }

    @Test
    @DisplayName("escalation names the supervisor, takes each breached target once, and only while open")
    void escalation() {
        ServiceTicket open = assigned(TicketKind.REPAIR).ticket();
        ServiceTicket escalated = open.escalate(Set.of(SlaTarget.FIRST_RESPONSE), SUPERVISOR, DESK, t(60)).ticket();
        assertThat(escalated.escalated()).containsExactly(SlaTarget.FIRST_RESPONSE);
        assertThat(escalated.escalatedTo()).isEqualTo(SUPERVISOR);
        assertThat(refusal(() -> escalated.escalate(Set.of(SlaTarget.FIRST_RESPONSE), SUPERVISOR, DESK, t(61))).code())
                .isEqualTo("service.ticket.escalated.already");
        ServiceTicket both = escalated.escalate(Set.of(SlaTarget.FIRST_RESPONSE, SlaTarget.RESOLUTION), SUPERVISOR, DESK,
                t(62)).ticket();
        assertThat(both.escalated()).containsExactlyInAnyOrder(SlaTarget.FIRST_RESPONSE, SlaTarget.RESOLUTION);
        ServiceTicket resolved = open.resolve("ok", ZHANG, t(10)).ticket();
        assertThat(refusal(() -> resolved.escalate(Set.of(SlaTarget.RESOLUTION), SUPERVISOR, DESK, t(70))).code())
                .isEqualTo("service.ticket.not-open");
    }

    @Test
    @DisplayName("the priority of an open ticket can change, to another one")
    void priority() {
        ServiceTicket open = assigned(TicketKind.REPAIR).ticket();
        assertThat(open.reprioritise(TicketPriority.URGENT, "生产线停工", SUPERVISOR, t(1)).ticket().priority())
                .isEqualTo(TicketPriority.URGENT);
        assertThat(refusal(() -> open.reprioritise(TicketPriority.NORMAL, null, SUPERVISOR, t(1))).code())
                .isEqualTo("service.ticket.priority.same");
    }

    @Test
    @DisplayName("a ticket is opened with a subject; inconsistent tickets are programming errors")
    void invariants() {
        assertThat(refusal(() -> ServiceTicket.open(new TicketId("tk-2"), Tickets.TENANT, "SR-2", Tickets.HUAXIA, null,
                TicketKind.INQUIRY, TicketChannel.WEB, TicketPriority.LOW, " ", null, null, DESK, T0)).code())
                .isEqualTo("service.ticket.subject.blank");
        ServiceTicket ticket = assigned(TicketKind.REPAIR).ticket();
        assertThatThrownBy(() -> ticket.toBuilder().assignee(null).build()).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ticket.toBuilder().status(TicketStatus.IN_PROGRESS).build())
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ticket.toBuilder().status(TicketStatus.RESOLVED).build())
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ticket.toBuilder().measures(java.util.List.of(new CorrectiveMeasure(1, "x", ZHANG,
                LocalDate.of(2026, 1, 1), null, null))).build()).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ticket.toBuilder().escalated(Set.of(SlaTarget.RESOLUTION)).build())
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(ticket.toBuilder().build()).isEqualTo(ticket);
        assertThat(ticket.auditFields()).containsEntry("status", "ASSIGNED").containsEntry("assignee", "zhang.min");
    }
}
