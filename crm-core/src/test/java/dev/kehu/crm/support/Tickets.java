package dev.kehu.crm.support;

import dev.kehu.crm.common.TenantId;
import dev.kehu.crm.common.UserId;
import dev.kehu.crm.customer.CustomerId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** A ticket together with its history, for tests that walk a ticket through its life. */
final class Tickets {
    static final TenantId TENANT = new TenantId("t");
    static final CustomerId HUAXIA = new CustomerId("c-1");
    static final UserId DESK = new UserId("desk");
    static final UserId ZHANG = new UserId("zhang.min");
    static final UserId LIU = new UserId("liu.yang");
    static final UserId SUPERVISOR = new UserId("chen.jie");

    private final List<TicketStep> history = new ArrayList<>();
    private ServiceTicket ticket;

    private Tickets(ServiceTicket.Change created) {
        apply(created);
    }

    static Tickets open(TicketKind kind, TicketPriority priority, Instant at) {
        return new Tickets(ServiceTicket.open(new TicketId("tk-1"), TENANT, "SR-0001", HUAXIA, null, kind,
                TicketChannel.PHONE, priority, "打印机卡纸", "三楼打印机每次打印都卡纸", "printer", DESK, at));
    }

    /** Applies a change made from the current ticket. */
    Tickets then(Function<ServiceTicket, ServiceTicket.Change> change) {
        apply(change.apply(ticket));
        return this;
    }

    private void apply(ServiceTicket.Change change) {
        ticket = change.ticket();
        history.add(change.step());
    }

    ServiceTicket ticket() {
        return ticket;
    }

    List<TicketStep> history() {
        return List.copyOf(history);
    }
}
