package dev.kehu.crm.jdbc.internal;

import static dev.kehu.crm.jdbc.internal.Columns.text;
import static java.util.Objects.requireNonNull;

import dev.kehu.crm.common.DuplicateRecordException;
import dev.kehu.crm.common.KehuException;
import dev.kehu.crm.common.Money;
import dev.kehu.crm.common.PageRequest;
import dev.kehu.crm.common.StaleRecordException;
import dev.kehu.crm.common.TenantId;
import dev.kehu.crm.contract.Contract;
import dev.kehu.crm.contract.ContractId;
import dev.kehu.crm.contract.ContractStatus;
import dev.kehu.crm.contract.ContractStep;
import dev.kehu.crm.contract.Contracts;
import dev.kehu.crm.contract.PaymentMilestone;
import dev.kehu.crm.customer.CustomerId;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Contracts in {@code kehu_contract}, their payment milestones in {@code kehu_contract_milestone} and their history
 * in {@code kehu_contract_step}. The row's version guards a contract against lost updates, the unique index on the
 * tenant and the number keeps numbers apart, and the history's primary key refuses a second line with the same
 * number, even from a concurrent transaction.
 */
public final class JdbcContracts implements Contracts {
    private static final String COLUMNS = """
            k.tenant_id, k.id, k.number, k.customer_id, k.owner, k.our_party, k.their_party, k.opportunity_id,
            k.quote_id, k.signing_date, k.start_date, k.end_date, k.currency, k.amount, k.terms, k.status,
            k.rejection_reason, k.termination_reason, k.predecessor_id, k.history_length, k.created_at, k.updated_at,
            k.version, m.milestone_index, m.due_on, m.amount AS milestone_amount, m.description, m.paid_on,
            m.paid_amount""";

    private static final String MILESTONES = """
            LEFT JOIN kehu_contract_milestone m ON m.tenant_id = k.tenant_id AND m.contract_id = k.id""";

    private static final NamedSql FIND = NamedSql.of("SELECT " + COLUMNS + "\nFROM kehu_contract k\n" + MILESTONES + """

            WHERE k.tenant_id = :tenant_id AND k.id = :id
            ORDER BY m.milestone_index""");

    /** Served by {@code kehu_contract_number_uk}. */
    private static final NamedSql FIND_BY_NUMBER = NamedSql.of("SELECT " + COLUMNS + "\nFROM kehu_contract k\n"
            + MILESTONES + """

            WHERE k.tenant_id = :tenant_id AND k.number = :number
            ORDER BY m.milestone_index""");

    /** Served by {@code kehu_contract_predecessor_ix}; the first by id, should there be several. */
    private static final NamedSql RENEWAL_OF = NamedSql.of("SELECT " + COLUMNS + "\nFROM kehu_contract k\n"
            + MILESTONES + """

            WHERE k.tenant_id = :tenant_id AND k.predecessor_id = :predecessor_id
            ORDER BY k.id, m.milestone_index""");

    private static final NamedSql INSERT = NamedSql.of("""
            INSERT INTO kehu_contract (tenant_id, id, number, customer_id, owner, our_party, their_party, opportunity_id,
                quote_id, signing_date, start_date, end_date, currency, amount, terms, status, rejection_reason,
                termination_reason, predecessor_id, history_length, created_at, updated_at, version)
            VALUES (:tenant_id, :id, :number, :customer_id, :owner, :our_party, :their_party, :opportunity_id,
                :quote_id, :signing_date, :start_date, :end_date, :currency, :amount, :terms, :status, :rejection_reason,
                :termination_reason, :predecessor_id, :history_length, :created_at, :updated_at, :new_version)""");

    private static final NamedSql UPDATE = NamedSql.of("""
            UPDATE kehu_contract
            SET number = :number, customer_id = :customer_id, owner = :owner, our_party = :our_party,
                their_party = :their_party, opportunity_id = :opportunity_id, quote_id = :quote_id,
                signing_date = :signing_date, start_date = :start_date, end_date = :end_date, currency = :currency,
                amount = :amount, terms = :terms, status = :status, rejection_reason = :rejection_reason,
                termination_reason = :termination_reason, predecessor_id = :predecessor_id,
                history_length = :history_length, created_at = :created_at, updated_at = :updated_at,
                version = :new_version
            WHERE tenant_id = :tenant_id AND id = :id AND version = :version""");

    private static final VersionedRows ROWS = new VersionedRows("kehu_contract", "id", INSERT, UPDATE);
    private static final RecordNumbers NUMBERS = new RecordNumbers("kehu_contract");

    private static final NamedSql DELETE_MILESTONES = NamedSql.of("""
            DELETE FROM kehu_contract_milestone WHERE tenant_id = :tenant_id AND contract_id = :contract_id""");

    private static final NamedSql INSERT_MILESTONE = NamedSql.of("""
            INSERT INTO kehu_contract_milestone (tenant_id, contract_id, milestone_index, due_on, amount, description,
                paid_on, paid_amount)
            VALUES (:tenant_id, :contract_id, :milestone_index, :due_on, :amount, :description, :paid_on,
                :paid_amount)""");

    private static final NamedSql STEP_EXISTS = NamedSql.of("""
            SELECT 1 AS found FROM kehu_contract_step
            WHERE tenant_id = :tenant_id AND contract_id = :contract_id AND sequence_no = :sequence_no""");

    private static final NamedSql INSERT_STEP = NamedSql.of("""
            INSERT INTO kehu_contract_step (tenant_id, contract_id, sequence_no, changed_at, actor, from_status,
                to_status, note)
            VALUES (:tenant_id, :contract_id, :sequence_no, :changed_at, :actor, :from_status, :to_status, :note)""");

    /** Served by the primary key of {@code kehu_contract_step}. */
    private static final NamedSql HISTORY = NamedSql.of("""
            SELECT contract_id, sequence_no, changed_at, actor, from_status, to_status, note
            FROM kehu_contract_step
            WHERE tenant_id = :tenant_id AND contract_id = :contract_id
            ORDER BY sequence_no""");

    private final JdbcTransactions transactions;
    private final Dialect dialect;
    private final ChildRows<Contract.Builder, PaymentMilestone, Contract> rows;
    private final ContractStepRowMapper stepMapper;

    public JdbcContracts(JdbcTransactions transactions, Dialect dialect) {
        this.transactions = transactions;
        this.dialect = dialect;
        this.rows = new ChildRows<>(new ContractRowMapper(dialect), new PaymentMilestoneRowMapper(), "milestone_index",
                (contract, milestones) -> contract.milestones(milestones).build());
        this.stepMapper = new ContractStepRowMapper(dialect);
    }

    @Override
    public Optional<Contract> find(TenantId tenant, ContractId id) {
        requireNonNull(tenant, "tenant");
        requireNonNull(id, "id");
        return transactions.withConnection(connection -> find(connection, tenant, id));
    }

    private Optional<Contract> find(Connection connection, TenantId tenant, ContractId id) throws SQLException {
        return rows.load(connection, dialect, FIND, s -> s.string("tenant_id", tenant.value()).string("id", id.value()))
                .stream().findFirst();
    }

    @Override
    public Optional<Contract> findByNumber(TenantId tenant, String number) {
        requireNonNull(tenant, "tenant");
        requireNonNull(number, "number");
        return transactions.withConnection(connection -> rows.load(connection, dialect, FIND_BY_NUMBER,
                s -> s.string("tenant_id", tenant.value()).string("number", number)).stream().findFirst());
    }

    @Override
    public Contract save(Contract contract) {
        requireNonNull(contract, "contract");
        // Checked before anything is written, so that a value the columns cannot keep leaves no trace.
        RecordNumbers.checked(contract.number());
        if (contract.amount() != null) Decimals.MONEY.exact(contract.amount().amount(), "contract amount");
        for (PaymentMilestone milestone : contract.milestones()) {
            Decimals.MONEY.exact(milestone.amount().amount(), "milestone amount");
            if (milestone.isPaid()) Decimals.MONEY.exact(milestone.paidAmount().amount(), "paid amount");
        }
        String tenant = contract.tenant().value();
        String id = contract.id().value();
        return transactions.withConnection(connection -> {
            // A number taken by a concurrent insert that slipped past the check is stopped by the unique index, as stale.
            boolean inserted = ROWS.write(connection, dialect, tenant, id, contract.version(), s -> bindRow(s, contract),
                    () -> new StaleRecordException(Contract.RECORD_TYPE, id, contract.version()), () -> {
                        if (NUMBERS.takenByAnother(connection, dialect, tenant, contract.number(), id)) {
                            throw new DuplicateRecordException(Contract.RECORD_TYPE, "contract number "
                                    + contract.number() + " is already taken in tenant " + tenant);
                        }
                    });
            ChildRows.replace(connection, dialect, DELETE_MILESTONES, INSERT_MILESTONE, inserted,
                    s -> s.string("tenant_id", tenant).string("contract_id", id), contract.milestones(),
                    (s, m, index) -> s.integer("milestone_index", index)
                            .date("due_on", m.dueOn())
                            .decimal("amount", m.amount().amount())
                            .string("description", m.description())
                            .date("paid_on", m.paidOn())
                            .decimal("paid_amount", m.isPaid() ? m.paidAmount().amount() : null));
            return contract.toBuilder().version(contract.version() + 1).build();
        });
    }

    @Override
    public void append(TenantId tenant, ContractStep step) {
        requireNonNull(tenant, "tenant");
        requireNonNull(step, "step");
        // The caller numbered the line after the history it read: a taken number means that history is stale.
        Supplier<KehuException> taken = () -> new StaleRecordException(Contract.RECORD_TYPE, step.contract().value(),
                step.sequence() - 1L);
        transactions.withConnection(connection -> {
            InsertOnce.insert(connection, dialect, STEP_EXISTS, s -> s.string("tenant_id", tenant.value())
                            .string("contract_id", step.contract().value()).integer("sequence_no", step.sequence()),
                    INSERT_STEP, s -> s.string("tenant_id", tenant.value())
                            .string("contract_id", step.contract().value())
                            .integer("sequence_no", step.sequence())
                            .instant("changed_at", step.at())
                            .string("actor", step.actor().value())
                            .string("from_status", text(step.from()))
                            .string("to_status", step.to().name())
                            .string("note", step.note()), taken);
            return null;
        });
    }

    @Override
    public List<ContractStep> history(TenantId tenant, ContractId id) {
        requireNonNull(tenant, "tenant");
        requireNonNull(id, "id");
        return transactions.withConnection(connection -> HISTORY.list(connection, dialect,
                s -> s.string("tenant_id", tenant.value()).string("contract_id", id.value()), stepMapper));
    }

    /** Served by {@code kehu_contract_customer_ix}. */
    @Override
    public List<Contract> ofCustomer(TenantId tenant, CustomerId customer, ContractId after, int limit) {
        requireNonNull(tenant, "tenant");
        requireNonNull(customer, "customer");
        PageRequest.checkLimit(limit);
        return transactions.withConnection(connection -> {
            Where where = new Where().and("k.tenant_id = :tenant_id", "tenant_id", tenant.value())
                    .and("k.customer_id = :customer_id", "customer_id", customer.value());
            if (after != null) {
                if (find(connection, tenant, after).isEmpty()) return List.of();
                where.and("k.id > :after_id", "after_id", after.value());
            }
            return page(connection, where, "k.id", limit);
        });
    }

    @Override
    public Optional<Contract> renewalOf(TenantId tenant, ContractId predecessor) {
        requireNonNull(tenant, "tenant");
        requireNonNull(predecessor, "predecessor");
        return transactions.withConnection(connection -> rows.load(connection, dialect, RENEWAL_OF,
                s -> s.string("tenant_id", tenant.value()).string("predecessor_id", predecessor.value()))
                .stream().findFirst());
    }

    @Override
    public List<Contract> expiring(TenantId tenant, LocalDate from, LocalDate to, ContractId after, int limit) {
        requireNonNull(from, "from");
        requireNonNull(to, "to");
        return byEndDate(tenant, ContractStatus.IN_EXECUTION, after, limit,
                new Where().and("k.end_date >= :from_date", s -> s.date("from_date", from))
                        .and("k.end_date <= :to_date", s -> s.date("to_date", to)));
    }

    @Override
    public List<Contract> endedBefore(TenantId tenant, ContractStatus status, LocalDate day, ContractId after,
                                      int limit) {
        requireNonNull(status, "status");
        requireNonNull(day, "day");
        return byEndDate(tenant, status, after, limit, new Where().and("k.end_date < :day", s -> s.date("day", day)));
    }

    /**
     * The contracts of one status in a range of end dates, by end date then id, read on after {@code after}: a range
     * of {@code kehu_contract_status_end_ix}.
     */
    private List<Contract> byEndDate(TenantId tenant, ContractStatus status, ContractId after, int limit, Where range) {
        requireNonNull(tenant, "tenant");
        PageRequest.checkLimit(limit);
        return transactions.withConnection(connection -> {
            Where where = new Where().and("k.tenant_id = :tenant_id", "tenant_id", tenant.value())
                    .and("k.status = :status", "status", status.name())
                    .and(range.sql(), range::bind);
            if (after != null) {
                Optional<LocalDate> afterEnd = find(connection, tenant, after).map(Contract::endDate);
                // An id the tenant does not have, or a contract without an end date, has no place in this order.
                if (afterEnd.isEmpty()) return List.of();
                where.and("(k.end_date > :after_end OR (k.end_date = :after_end AND k.id > :after_id))",
                        s -> s.date("after_end", afterEnd.get()).string("after_id", after.value()));
            }
            return page(connection, where, "k.end_date, k.id", limit);
        });
    }

    /** At most {@code limit} contracts in {@code orderBy} with their milestones: the limit applies to contracts, not rows. */
    private List<Contract> page(Connection connection, Where where, String orderBy, int limit) throws SQLException {
        NamedSql sql = NamedSql.of("SELECT " + COLUMNS + "\nFROM (SELECT * FROM kehu_contract k WHERE " + where.sql()
                + "\n    ORDER BY " + orderBy + " LIMIT :limit) k\n" + MILESTONES + "\nORDER BY " + orderBy
                + ", m.milestone_index");
        return rows.load(connection, dialect, sql, s -> {
            where.bind(s);
            s.bigint("limit", limit);
        });
    }

    private static void bindRow(NamedSql.Bound statement, Contract c) throws SQLException {
        Money amount = c.amount();
        statement.string("tenant_id", c.tenant().value())
                .string("id", c.id().value())
                .string("number", c.number())
                .string("customer_id", c.customer().value())
                .string("owner", c.owner().value())
                .string("our_party", c.ourParty())
                .string("their_party", c.theirParty())
                .string("opportunity_id", text(c.opportunity()))
                .string("quote_id", text(c.quote()))
                .date("signing_date", c.signingDate())
                .date("start_date", c.startDate())
                .date("end_date", c.endDate())
                .string("currency", c.currency().getCurrencyCode())
                .decimal("amount", amount == null ? null : amount.amount())
                .string("terms", c.terms())
                .string("status", c.status().name())
                .string("rejection_reason", c.rejectionReason())
                .string("termination_reason", c.terminationReason())
                .string("predecessor_id", text(c.predecessor()))
                .integer("history_length", c.historyLength())
                .instant("created_at", c.createdAt())
                .instant("updated_at", c.updatedAt());
    }
}
