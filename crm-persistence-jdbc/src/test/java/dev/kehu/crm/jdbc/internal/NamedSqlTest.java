package dev.kehu.crm.jdbc.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class NamedSqlTest {
    @Test
    @DisplayName("each :name becomes a ? and a repeated name is bound everywhere it appears")
    void namesBecomePlaceholders() {
        NamedSql sql = NamedSql.of("SELECT * FROM t WHERE a = :a AND (b = :b OR c = :b) AND d = :a_2");

        assertThat(sql.jdbcSql()).isEqualTo("SELECT * FROM t WHERE a = ? AND (b = ? OR c = ?) AND d = ?");
    }

    @Test
    @DisplayName("quoted text, quoted identifiers, comments and :: casts are left alone")
    void quotesCommentsAndCastsAreNotParameters() {
        NamedSql sql = NamedSql.of("""
                SELECT ':not', "col:umn", x::text, 'it''s :no' -- a :comment
                FROM t WHERE y LIKE :pattern ESCAPE '!'""");

        assertThat(sql.jdbcSql()).isEqualTo("""
                SELECT ':not', "col:umn", x::text, 'it''s :no' -- a :comment
                FROM t WHERE y LIKE ? ESCAPE '!'""");
    }

    @Test
    @DisplayName("a ? in the text is refused: parameters are named")
    void questionMarksAreRefused() {
        assertThatThrownBy(() -> NamedSql.of("SELECT * FROM t WHERE a = ?")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    @DisplayName("running with a parameter not set, or setting one the SQL does not name, fails with the name")
    void unsetAndUnknownParametersAreNamed() throws SQLException {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:");
        NamedSql sql = NamedSql.of("SELECT :a AS a, :b AS b");
        try (Connection connection = h2.getConnection(); NamedSql.Bound statement = sql.prepare(connection, Dialect.H2)) {
            statement.string("a", "x");
            assertThatThrownBy(statement::query).isInstanceOf(IllegalStateException.class).hasMessageContaining("[b]");
            assertThatThrownBy(() -> statement.string("c", "y")).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining(":c");
            statement.string("b", null);
            try (ResultSet row = statement.query()) {
                row.next();
                assertThat(row.getString("a")).isEqualTo("x");
                assertThat(row.getString("b")).isNull();
            }
        }
    }
}
