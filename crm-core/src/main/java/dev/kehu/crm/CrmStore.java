package dev.kehu.crm;

import dev.kehu.crm.activity.Activities;
import dev.kehu.crm.assignment.RoundRobinPositions;
import dev.kehu.crm.audit.AuditLog;
import dev.kehu.crm.care.Reminders;
import dev.kehu.crm.common.Transactions;
import dev.kehu.crm.contact.Contacts;
import dev.kehu.crm.contract.Contracts;
import dev.kehu.crm.customer.Customers;
import dev.kehu.crm.lead.Leads;
import dev.kehu.crm.opportunity.Opportunities;
import dev.kehu.crm.order.SalesOrders;
import dev.kehu.crm.outbox.Outbox;
import dev.kehu.crm.plan.DevelopmentPlans;
import dev.kehu.crm.quote.Quotes;
import dev.kehu.crm.knowledge.Articles;
import dev.kehu.crm.support.Expenses;
import dev.kehu.crm.support.ServiceTickets;

/**
 * A place to keep Kehu's records: the repositories of every feature and the transaction boundary they
 * share. A host builds one (directly, or through {@code CrmStores} in crm-persistence-spi) and hands it
 * to {@link Kehu#builder()}. Repositories called inside {@link Transactions#inTransaction} take part in
 * that transaction; called outside one, each call is its own transaction.
 */
public interface CrmStore extends AutoCloseable {
    Transactions transactions();

    Customers customers();

    Contacts contacts();

    AuditLog auditLog();

    Leads leads();

    /** Opportunities with their stage history and attached records. */
    Opportunities opportunities();

    Quotes quotes();

    DevelopmentPlans developmentPlans();

    Activities activities();

    RoundRobinPositions roundRobinPositions();

    /** Notifications and domain events waiting for delivery, written with the changes that caused them. */
    Outbox outbox();

    /** Care reminders made by the daily run, one per rule, subject and due date. */
    Reminders reminders();
    // Customer service (S1, S2, S4–S7)

    /** Service tickets with their history and next service-level deadlines. */
    ServiceTickets serviceTickets();

    Expenses expenses();

    /** Knowledge-base articles with their search keys. */
    Articles articles();
    /** Contracts with their approval and execution history. */
    Contracts contracts();

    /** Sales orders, with each customer's last purchase. */
    SalesOrders salesOrders();

    /** Releases what the store holds (not a {@code DataSource} the host passed in). */
    @Override
    void close();
}
