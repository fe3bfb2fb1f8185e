package dev.kehu.crm.common;

/**
 * Optimistic locking: the record was changed by someone else since it was read. Nothing was written;
 * reload the record and apply the change again.
 */
public final class StaleRecordException extends KehuException {
    private final String recordType;
    private final String recordId;
    private final long expectedVersion;

    public StaleRecordException(String recordType, String recordId, long expectedVersion) {
        super("record.stale", recordType + " " + recordId + " was changed concurrently: version "
                + expectedVersion + " is no longer current");
        this.recordType = recordType;
        this.recordId = recordId;
        this.expectedVersion = expectedVersion;
    }

    public String recordType() { return recordType; }

    public String recordId() { return recordId; }

    public long expectedVersion() { return expectedVersion; }
}
