package dev.kehu.crm.common;

/** A use case was refused by a business rule (for example merging a customer into itself). */
public final class BusinessRuleException extends KehuException {
    public BusinessRuleException(String code, String message) {
        super(code, message);
    }
}
