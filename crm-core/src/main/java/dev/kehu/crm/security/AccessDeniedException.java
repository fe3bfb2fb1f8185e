package dev.kehu.crm.security;

import dev.kehu.crm.common.KehuException;

/** The access policy refused the action. Nothing was written. */
public final class AccessDeniedException extends KehuException {
    public AccessDeniedException(String action, String message) {
        super("access.denied", message + " (" + action + ")");
    }
}
