package dev.kehu.crm.jdbc.internal;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** {@code IN (:id0, :id1, …)} lists of named parameters, in chunks small enough for every database. */
final class InList {
    static final int CHUNK = 500;

    private InList() {
    }

    /** {@code :prefix0, :prefix1, …} for {@code count} values. */
    static String names(String prefix, int count) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < count; i++) {
            if (i > 0) out.append(", ");
            out.append(':').append(prefix).append(i);
        }
        return out.toString();
    }

    static void bind(NamedSql.Bound statement, String prefix, List<String> values) throws SQLException {
        for (int i = 0; i < values.size(); i++) {
            statement.string(prefix + i, values.get(i));
        }
    }

    static List<List<String>> chunks(Collection<String> values) {
        List<String> all = List.copyOf(values);
        List<List<String>> chunks = new ArrayList<>();
        for (int from = 0; from < all.size(); from += CHUNK) {
            chunks.add(all.subList(from, Math.min(all.size(), from + CHUNK)));
        }
        return chunks;
    }
}
