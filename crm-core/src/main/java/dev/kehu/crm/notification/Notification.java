package dev.kehu.crm.notification;

import static java.util.Objects.requireNonNull;

import dev.kehu.crm.common.TenantId;
import dev.kehu.crm.common.UserId;
import java.time.Instant;
import java.util.Map;

/**
 * Something a person should hear about, such as an opportunity assigned to them. The host decides how it
 * reaches them (mail, WeCom, DingTalk, an in-app inbox); Kehu only says what happened.
 *
 * @param topic      what happened, e.g. {@code opportunity.assigned}; also the key of its message
 * @param recordType the kind of record it is about, e.g. {@code opportunity}
 * @param details    values the message may show (the record's subject, who acted …), in a stable order
 */
public record Notification(TenantId tenant, UserId recipient, String topic, String recordType, String recordId,
                           UserId actor, Instant at, Map<String, String> details) {
    public Notification {
        requireNonNull(tenant, "tenant");
        requireNonNull(recipient, "recipient");
        requireNonNull(topic, "topic");
        requireNonNull(recordType, "recordType");
        requireNonNull(recordId, "recordId");
        requireNonNull(actor, "actor");
        requireNonNull(at, "at");
        details = Map.copyOf(details);
    }
}
