package dev.kehu.crm.jdbc;

import static java.util.Objects.requireNonNull;

import dev.kehu.crm.CrmStore;
import dev.kehu.crm.activity.Activities;
import dev.kehu.crm.assignment.RoundRobinPositions;
import dev.kehu.crm.audit.AuditLog;
import dev.kehu.crm.care.Reminders;
import dev.kehu.crm.common.Transactions;
import dev.kehu.crm.contact.Contacts;
import dev.kehu.crm.contract.Contracts;
import dev.kehu.crm.customer.Customers;
import dev.kehu.crm.jdbc.internal.Dialect;
import dev.kehu.crm.jdbc.internal.H2Commits;
import dev.kehu.crm.jdbc.internal.JdbcActivities;
import dev.kehu.crm.jdbc.internal.JdbcAuditLog;
import dev.kehu.crm.jdbc.internal.JdbcContacts;
import dev.kehu.crm.jdbc.internal.JdbcContracts;
import dev.kehu.crm.jdbc.internal.JdbcCustomers;
import dev.kehu.crm.jdbc.internal.JdbcDevelopmentPlans;
import dev.kehu.crm.jdbc.internal.JdbcLeads;
import dev.kehu.crm.jdbc.internal.JdbcOpportunities;
import dev.kehu.crm.jdbc.internal.JdbcOutbox;
import dev.kehu.crm.jdbc.internal.JdbcArticles;
import dev.kehu.crm.jdbc.internal.JdbcExpenses;
import dev.kehu.crm.jdbc.internal.JdbcServiceTickets;
import dev.kehu.crm.knowledge.Articles;
import dev.kehu.crm.support.Expenses;
import dev.kehu.crm.support.ServiceTickets;
import dev.kehu.crm.jdbc.internal.JdbcQuotes;
import dev.kehu.crm.jdbc.internal.JdbcReminders;
import dev.kehu.crm.jdbc.internal.JdbcRoundRobinPositions;
import dev.kehu.crm.jdbc.internal.JdbcSalesOrders;
import dev.kehu.crm.jdbc.internal.JdbcTransactions;
import dev.kehu.crm.jdbc.internal.Migrations;
import dev.kehu.crm.lead.Leads;
import dev.kehu.crm.opportunity.Opportunities;
import dev.kehu.crm.order.SalesOrders;
import dev.kehu.crm.outbox.Outbox;
import dev.kehu.crm.plan.DevelopmentPlans;
import dev.kehu.crm.quote.Quotes;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;

/**
 * Kehu's store on a relational database through JDBC: H2, PostgreSQL, MariaDB or MySQL, told apart by the
 * connection's metadata.
 *
 * <pre>{@code
 * CrmStore store = JdbcCrmStore.create(dataSource);   // migrates Kehu's tables, then ready
 * }</pre>
 *
 * <p>Building a store brings Kehu's tables up to date with Flyway, using its own history table
 * {@code kehu_schema_history}, so it lives beside a host's own Flyway. A host that manages schemas with
 * another tool runs the scripts under {@code db/kehu/<database>/} itself and builds with
 * {@code JdbcCrmStore.builder(dataSource).migrate(false).build()}.
 *
 * <p>Give it a pooled {@link DataSource}: a transaction holds one connection for its whole duration, and a
 * repository call outside a transaction takes one for that call. The store never closes the data source.
 *
 * <p>On an H2 database in a file, the store has H2 write each commit to the file before the commit returns
 * ({@code WRITE_DELAY 0}), so that a process killed at any moment loses nothing that had committed. H2 forgets the
 * setting when it closes the database, which happens when its last connection closes: a host whose pool may close
 * every connection puts {@code ;WRITE_DELAY=0} in the URL.
 */
public final class JdbcCrmStore implements CrmStore {
    private final JdbcTransactions transactions;
    private final JdbcCustomers customers;
    private final JdbcContacts contacts;
    private final JdbcAuditLog auditLog;
    private final JdbcLeads leads;
    private final JdbcOpportunities opportunities;
    private final JdbcQuotes quotes;
    private final JdbcDevelopmentPlans developmentPlans;
    private final JdbcActivities activities;
    private final JdbcRoundRobinPositions roundRobinPositions;
    private final JdbcOutbox outbox;
    private final JdbcReminders reminders;
    private final JdbcServiceTickets serviceTickets;
    private final JdbcExpenses expenses;
    private final JdbcArticles articles;
    private final JdbcContracts contracts;
    private final JdbcSalesOrders salesOrders;
    private final Dialect dialect;
    private final List<AutoCloseable> onClose;
    private final AtomicBoolean closed = new AtomicBoolean();

    private JdbcCrmStore(DataSource dataSource, Dialect dialect, List<AutoCloseable> onClose) {
        this.dialect = dialect;
        this.transactions = new JdbcTransactions(dataSource);
        this.customers = new JdbcCustomers(transactions, dialect);
        this.contacts = new JdbcContacts(transactions, dialect);
        this.auditLog = new JdbcAuditLog(transactions, dialect);
        this.leads = new JdbcLeads(transactions, dialect);
        this.opportunities = new JdbcOpportunities(transactions, dialect);
        this.quotes = new JdbcQuotes(transactions, dialect);
        this.developmentPlans = new JdbcDevelopmentPlans(transactions, dialect);
        this.activities = new JdbcActivities(transactions, dialect);
        this.roundRobinPositions = new JdbcRoundRobinPositions(transactions, dialect);
        this.outbox = new JdbcOutbox(transactions, dialect);
        this.reminders = new JdbcReminders(transactions, dialect);
        this.serviceTickets = new JdbcServiceTickets(transactions, dialect);
        this.expenses = new JdbcExpenses(transactions, dialect);
        this.articles = new JdbcArticles(transactions, dialect);
        this.contracts = new JdbcContracts(transactions, dialect);
        this.salesOrders = new JdbcSalesOrders(transactions, dialect);
        this.onClose = List.copyOf(onClose);
    }

    /** A store on {@code dataSource}, its tables migrated to the current version. */
    public static JdbcCrmStore create(DataSource dataSource) {
        return builder(dataSource).build();
    }

    public static Builder builder(DataSource dataSource) {
        return new Builder(dataSource);
    }

    @Override
    public Transactions transactions() {
        return transactions;
    }

    @Override
    public Customers customers() {
        return customers;
    }

    @Override
    public Contacts contacts() {
        return contacts;
    }

    @Override
    public AuditLog auditLog() {
        return auditLog;
    }

    @Override
    public Leads leads() {
        return leads;
    }

    @Override
    public Opportunities opportunities() {
        return opportunities;
    }

    @Override
    public Quotes quotes() {
        return quotes;
    }

    @Override
    public DevelopmentPlans developmentPlans() {
        return developmentPlans;
    }

    @Override
    public Activities activities() {
        return activities;
    }

    @Override
    public RoundRobinPositions roundRobinPositions() {
        return roundRobinPositions;
    }

    @Override
    public Outbox outbox() {
        return outbox;
    }

    @Override
    public Reminders reminders() {
        return reminders;
    }

    @Override
    public ServiceTickets serviceTickets() {
        return serviceTickets;
    }

    @Override
    public Expenses expenses() {
        return expenses;
    }

    @Override
    public Articles articles() {
        return articles;
    }

    @Override
    public Contracts contracts() {
        return contracts;
    }

    @Override
    public SalesOrders salesOrders() {
        return salesOrders;
    }

    /** The database this store runs on: {@code H2}, {@code POSTGRESQL}, {@code MARIADB} or {@code MYSQL}. */
    public String database() {
        return dialect.name();
    }

    /**
     * Refuses further work and releases what was handed over with {@link Builder#closing}; the data source
     * itself stays open. Closing twice does nothing.
     */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) return;
        transactions.close();
        RuntimeException failure = null;
        for (AutoCloseable resource : onClose) {
            try {
                resource.close();
            } catch (Exception e) {
                if (failure == null) failure = new JdbcStoreException("could not release " + resource, e);
                else failure.addSuppressed(e);
            }
        }
        if (failure != null) throw failure;
    }

    @Override
    public String toString() {
        return "JdbcCrmStore[" + dialect + "]";
    }

    /** Builds a {@link JdbcCrmStore}. */
    public static final class Builder {
        private final DataSource dataSource;
        private boolean migrate = true;
        private final List<AutoCloseable> onClose = new ArrayList<>();

        private Builder(DataSource dataSource) {
            this.dataSource = requireNonNull(dataSource, "dataSource");
        }

        /**
         * Whether {@link #build()} migrates Kehu's tables (the default); {@code false} when the host runs the
         * scripts under {@code db/kehu/<database>/} with its own tool.
         */
        public Builder migrate(boolean value) {
            migrate = value;
            return this;
        }

        /** Something the store releases when it is closed, such as a pool created only for it. */
        public Builder closing(AutoCloseable resource) {
            onClose.add(requireNonNull(resource, "resource"));
            return this;
        }

        /**
         * Detects the database, migrates it unless told not to, and returns the store. On an H2 database in a file
         * it first has H2 write each commit to the file before the commit returns ({@code WRITE_DELAY 0}): by
         * default H2 writes up to half a second later, and a crash of the process would lose what had committed.
         *
         * @throws JdbcStoreException when the database cannot be reached, or H2 refuses to write commits at once
         * @throws IllegalArgumentException when it is none of H2, PostgreSQL, MariaDB and MySQL
         */
        public JdbcCrmStore build() {
            try {
                Dialect dialect = detect();
                if (dialect == Dialect.H2) H2Commits.writeAtOnce(dataSource);
                if (migrate) {
                    Migrations.migrate(dataSource, dialect);
                }
                return new JdbcCrmStore(dataSource, dialect, onClose);
            } catch (RuntimeException e) {
                for (AutoCloseable resource : onClose) {
                    try {
                        resource.close();
                    } catch (Exception suppressed) {
                        e.addSuppressed(suppressed);
                    }
                }
                throw e;
            }
        }

        private Dialect detect() {
            try (Connection connection = dataSource.getConnection()) {
                return Dialect.of(connection);
            } catch (SQLException e) {
                throw new JdbcStoreException("could not reach the database: " + e.getMessage(), e);
            }
        }
    }
}
