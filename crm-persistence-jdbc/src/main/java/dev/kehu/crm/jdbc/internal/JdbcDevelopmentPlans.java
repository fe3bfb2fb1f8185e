package dev.kehu.crm.jdbc.internal;

import static java.util.Objects.requireNonNull;

import dev.kehu.crm.common.StaleRecordException;
import dev.kehu.crm.common.TenantId;
import dev.kehu.crm.common.UserId;
import dev.kehu.crm.opportunity.OpportunityId;
import dev.kehu.crm.plan.DevelopmentPlan;
import dev.kehu.crm.plan.DevelopmentPlanId;
import dev.kehu.crm.plan.DevelopmentPlans;
import dev.kehu.crm.plan.OverdueStep;
import dev.kehu.crm.plan.PlanStep;
import dev.kehu.crm.opportunity.OpportunityStatus;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * Development plans in {@code kehu_development_plan}, their steps in {@code kehu_development_plan_step}. A save
 * writes both in the caller's transaction; the plan row's version guards against lost updates.
 */
public final class JdbcDevelopmentPlans implements DevelopmentPlans {
    /** A plan and its steps, one joined row per step, in the order of the steps. */
    private static final String SELECT = """
            SELECT p.tenant_id, p.id, p.opportunity_id, p.owner, p.created_at, p.updated_at, p.version,
                s.step_number, s.what, s.planned_date, s.planned_time, s.notes, s.result, s.done_on
            FROM kehu_development_plan p
            LEFT JOIN kehu_development_plan_step s ON s.tenant_id = p.tenant_id AND s.plan_id = p.id
            """;

    private static final NamedSql FIND = NamedSql.of(SELECT + """
            WHERE p.tenant_id = :tenant_id AND p.id = :id
            ORDER BY s.step_number""");

    private static final NamedSql OF_OPPORTUNITY = NamedSql.of(SELECT + """
            WHERE p.tenant_id = :tenant_id AND p.opportunity_id = :opportunity_id
            ORDER BY p.id, s.step_number""");

    private static final NamedSql OWNED_BY = NamedSql.of(SELECT + """
            WHERE p.tenant_id = :tenant_id AND p.owner = :owner
            ORDER BY p.id, s.step_number""");

    private static final NamedSql INSERT = NamedSql.of("""
            INSERT INTO kehu_development_plan (tenant_id, id, opportunity_id, owner, created_at, updated_at, version)
            VALUES (:tenant_id, :id, :opportunity_id, :owner, :created_at, :updated_at, :new_version)""");

    private static final NamedSql UPDATE = NamedSql.of("""
            UPDATE kehu_development_plan
            SET opportunity_id = :opportunity_id, owner = :owner, created_at = :created_at, updated_at = :updated_at,
                version = :new_version
            WHERE tenant_id = :tenant_id AND id = :id AND version = :version""");

    private static final VersionedRows ROWS = new VersionedRows("kehu_development_plan", "id", INSERT, UPDATE);

    private static final NamedSql DELETE_STEPS = NamedSql.of("""
            DELETE FROM kehu_development_plan_step WHERE tenant_id = :tenant_id AND plan_id = :plan_id""");

    private static final NamedSql INSERT_STEP = NamedSql.of("""
            INSERT INTO kehu_development_plan_step (tenant_id, plan_id, step_number, what, planned_date, planned_time,
                notes, result, done_on)
            VALUES (:tenant_id, :plan_id, :step_number, :what, :planned_date, :planned_time, :notes, :result,
                :done_on)""");

    /**
     * Steps without a result planned before a day, of plans whose opportunity is open: the steps come from
     * {@code kehu_development_plan_step_open_ix (tenant_id, done_on, planned_date)}, their plan and opportunity by
     * primary key.
     */
    private static final String OVERDUE_COLUMNS = """
            s.plan_id, p.opportunity_id, p.owner, s.step_number, s.what, s.planned_date, s.planned_time, s.notes,
            s.result, s.done_on""";
    private static final String OVERDUE_FROM = """
            kehu_development_plan_step s
            JOIN kehu_development_plan p ON p.tenant_id = s.tenant_id AND p.id = s.plan_id
            JOIN kehu_opportunity o ON o.tenant_id = p.tenant_id AND o.id = p.opportunity_id""";
    private static final RowMapper<OverdueStep> OVERDUE_STEP = new RowMapper<>() {
        private final PlanStepRowMapper steps = new PlanStepRowMapper();

        @Override
        public OverdueStep map(java.sql.ResultSet row) throws java.sql.SQLException {
            return new OverdueStep(new DevelopmentPlanId(row.getString("plan_id")),
                    new OpportunityId(row.getString("opportunity_id")), new UserId(row.getString("owner")),
                    steps.map(row));
        }
    };

    private final JdbcTransactions transactions;
    private final Dialect dialect;
    private final ChildRows<DevelopmentPlan.Builder, PlanStep, DevelopmentPlan> rows;

    public JdbcDevelopmentPlans(JdbcTransactions transactions, Dialect dialect) {
        this.transactions = transactions;
        this.dialect = dialect;
        this.rows = new ChildRows<>(new DevelopmentPlanRowMapper(dialect), new PlanStepRowMapper(), "step_number",
                (plan, steps) -> plan.steps(steps).build());
    }

    @Override
    public Optional<DevelopmentPlan> find(TenantId tenant, DevelopmentPlanId id) {
        requireNonNull(tenant, "tenant");
        requireNonNull(id, "id");
        return transactions.withConnection(connection -> rows.load(connection, dialect, FIND,
                s -> s.string("tenant_id", tenant.value()).string("id", id.value())).stream().findFirst());
    }

    @Override
    public DevelopmentPlan save(DevelopmentPlan plan) {
        requireNonNull(plan, "plan");
        return transactions.withConnection(connection -> {
            boolean inserted = ROWS.write(connection, dialect, plan.tenant().value(), plan.id().value(),
                    plan.version(), s -> s.string("tenant_id", plan.tenant().value())
                            .string("id", plan.id().value())
                            .string("opportunity_id", plan.opportunity().value())
                            .string("owner", plan.owner().value())
                            .instant("created_at", plan.createdAt())
                            .instant("updated_at", plan.updatedAt()),
                    () -> new StaleRecordException(DevelopmentPlan.RECORD_TYPE, plan.id().value(), plan.version()));
            ChildRows.replace(connection, dialect, DELETE_STEPS, INSERT_STEP, inserted,
                    s -> s.string("tenant_id", plan.tenant().value()).string("plan_id", plan.id().value()),
                    plan.steps(), (s, step, index) -> s.integer("step_number", step.number())
                            .string("what", step.what())
                            .date("planned_date", step.plannedDate())
                            .time("planned_time", step.plannedTime())
                            .string("notes", step.notes())
                            .string("result", step.result())
                            .date("done_on", step.doneOn()));
            return plan.toBuilder().version(plan.version() + 1).build();
        });
    }

    @Override
    public List<DevelopmentPlan> ofOpportunity(TenantId tenant, OpportunityId opportunity) {
        requireNonNull(tenant, "tenant");
        requireNonNull(opportunity, "opportunity");
        return transactions.withConnection(connection -> rows.load(connection, dialect, OF_OPPORTUNITY,
                s -> s.string("tenant_id", tenant.value()).string("opportunity_id", opportunity.value())));
    }

    @Override
    public List<DevelopmentPlan> ownedBy(TenantId tenant, UserId owner) {
        requireNonNull(tenant, "tenant");
        requireNonNull(owner, "owner");
        return transactions.withConnection(connection -> rows.load(connection, dialect, OWNED_BY,
                s -> s.string("tenant_id", tenant.value()).string("owner", owner.value())));
    }

    @Override
    public List<OverdueStep> overdueSteps(TenantId tenant, LocalDate today, OverdueStep after, int limit) {
        requireNonNull(tenant, "tenant");
        requireNonNull(today, "today");
        Keyset.checkLimit(limit);
        Where where = new Where().and("s.tenant_id = :tenant_id", "tenant_id", tenant.value())
                .and("s.done_on IS NULL")
                .and("s.planned_date < :today", st -> st.date("today", today))
                .and("o.status = :status", "status", OpportunityStatus.OPEN.name());
        if (after != null) {
            where.and("(s.plan_id > :after_plan OR (s.plan_id = :after_plan AND s.step_number > :after_step))",
                    st -> st.string("after_plan", after.plan().value()).integer("after_step", after.step().number()));
        }
        return transactions.withConnection(connection -> Keyset.page(connection, dialect, OVERDUE_COLUMNS,
                OVERDUE_FROM, where, "s.plan_id, s.step_number", limit, OVERDUE_STEP));
    }
}
