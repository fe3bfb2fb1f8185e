package dev.kehu.crm.jdbc.internal;

import static dev.kehu.crm.jdbc.internal.Columns.text;
import static java.util.Objects.requireNonNull;

import dev.kehu.crm.assignment.RoundRobinPosition;
import dev.kehu.crm.assignment.RoundRobinPositions;
import dev.kehu.crm.common.StaleRecordException;
import dev.kehu.crm.common.TenantId;
import dev.kehu.crm.security.TeamId;
import java.util.Optional;

/**
 * Each team's round-robin position in {@code kehu_round_robin_position}, one row per team; the row's version
 * makes two batches that start from the same position meet, so only one of them moves it.
 */
public final class JdbcRoundRobinPositions implements RoundRobinPositions {
    /** The record type a refused save names. */
    private static final String RECORD_TYPE = RoundRobinPositions.RECORD_TYPE;

    private static final NamedSql FIND = NamedSql.of("""
            SELECT team_id, last_user, version
            FROM kehu_round_robin_position
            WHERE tenant_id = :tenant_id AND team_id = :team_id""");

    private static final NamedSql INSERT = NamedSql.of("""
            INSERT INTO kehu_round_robin_position (tenant_id, team_id, last_user, version)
            VALUES (:tenant_id, :team_id, :last_user, :new_version)""");

    private static final NamedSql UPDATE = NamedSql.of("""
            UPDATE kehu_round_robin_position
            SET last_user = :last_user, version = :new_version
            WHERE tenant_id = :tenant_id AND team_id = :team_id AND version = :version""");

    private static final VersionedRows ROWS = new VersionedRows("kehu_round_robin_position", "team_id", INSERT, UPDATE);

    private final JdbcTransactions transactions;
    private final Dialect dialect;
    private final RoundRobinPositionRowMapper mapper = new RoundRobinPositionRowMapper();

    public JdbcRoundRobinPositions(JdbcTransactions transactions, Dialect dialect) {
        this.transactions = transactions;
        this.dialect = dialect;
    }

    @Override
    public Optional<Stored> find(TenantId tenant, TeamId team) {
        requireNonNull(tenant, "tenant");
        requireNonNull(team, "team");
        return transactions.withConnection(connection -> FIND.list(connection, dialect,
                s -> s.string("tenant_id", tenant.value()).string("team_id", team.value()), mapper).stream().findFirst());
    }

    @Override
    public Stored save(TenantId tenant, RoundRobinPosition position, long expectedVersion) {
        requireNonNull(tenant, "tenant");
        requireNonNull(position, "position");
        if (expectedVersion < 0) throw new IllegalArgumentException("a version is ≥ 0, got " + expectedVersion);
        String team = position.team().value();
        return transactions.withConnection(connection -> {
            ROWS.write(connection, dialect, tenant.value(), team, expectedVersion,
                    s -> s.string("tenant_id", tenant.value()).string("team_id", team)
                            .string("last_user", text(position.last())),
                    () -> new StaleRecordException(RECORD_TYPE, team, expectedVersion));
            return new Stored(position, expectedVersion + 1);
        });
    }
}
