package dev.kehu.crm.audit;

import java.util.Map;

/** A record whose fields the audit trail compares before and after a change. */
public interface Auditable {
    /** The audited fields as text, in a stable order; {@code null} values for empty fields. */
    Map<String, String> auditFields();
}
