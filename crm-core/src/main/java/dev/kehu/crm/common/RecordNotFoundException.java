package dev.kehu.crm.common;

/** The record asked for does not exist in the actor's tenant. */
public final class RecordNotFoundException extends KehuException {
    public RecordNotFoundException(String recordType, String id, String message) {
        super(recordType + ".not-found", message);
    }
}
