package dev.kehu.crm.common;

/** A store refused a record because a unique value (such as a customer number) is taken. Nothing was written. */
public final class DuplicateRecordException extends KehuException {
    public DuplicateRecordException(String recordType, String message) {
        super(recordType + ".duplicate", message);
    }
}
