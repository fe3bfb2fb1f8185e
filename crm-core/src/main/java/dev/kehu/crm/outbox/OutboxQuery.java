package dev.kehu.crm.outbox;

/**
 * Which messages of a tenant to read, oldest first; {@code null} criteria are ignored.
 *
 * @param after the id of the last message already read, to read on from it (ordered by creation time, then id);
 *              {@code null} to start at the oldest
 * @param limit at most this many, 1 to 1000
 */
public record OutboxQuery(OutboxKind kind, OutboxStatus status, String after, int limit) {
    public OutboxQuery {
        if (limit < 1 || limit > 1000) throw new IllegalArgumentException("limit must be 1 to 1000, got " + limit);
    }

    /** The first {@code limit} events, for a host relaying them to its broker. */
    public static OutboxQuery events(int limit) {
        return new OutboxQuery(OutboxKind.EVENT, null, null, limit);
    }

    public OutboxQuery after(String id) {
        return new OutboxQuery(kind, status, id, limit);
    }

    public OutboxQuery withStatus(OutboxStatus value) {
        return new OutboxQuery(kind, value, after, limit);
    }

    /** Whether {@code m} matches the kind and status; {@code after} and {@code limit} are applied by the store. */
    public boolean matches(OutboxMessage m) {
        return (kind == null || kind == m.kind()) && (status == null || status == m.status());
    }
}
