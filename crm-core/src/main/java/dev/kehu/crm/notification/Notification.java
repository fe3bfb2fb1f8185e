package dev.kehu.crm.notification;

import static java.util.Objects.requireNonNull;

import dev.kehu.crm.common.Messages;
import dev.kehu.crm.common.TenantId;
import dev.kehu.crm.common.UserId;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;

/**
 * Something a person should hear about, such as an opportunity assigned to them. The host decides how it
 * reaches them (mail, WeCom, DingTalk, an in-app inbox); Kehu only says what happened.
 *
 * @param topic      what happened, e.g. {@code opportunity.assigned}; also the key of its {@link #message}
 * @param recordType the kind of record it is about, e.g. {@code opportunity}
 * @param details    values a host may show; {@code subject} names the record
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
        details = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(details));
    }

    /** What to tell the recipient, in {@code locale}: e.g. 销售机会“华夏ERP项目”已分配给您（分配人：li.na）. */
    public String message(Locale locale) {
        return Messages.get(locale, topic, details.getOrDefault("subject", recordId), actor.value());
    }
}
