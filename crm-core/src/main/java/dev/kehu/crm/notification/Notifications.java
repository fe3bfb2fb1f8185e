package dev.kehu.crm.notification;

/**
 * Port: delivers notifications to people, supplied by the host (e-mail, SMS, WeCom or DingTalk messages, its
 * own inbox). A notification is written to the outbox with the change that caused it and delivered after that
 * change has committed, so a rolled-back change notifies nobody. Throwing means "not delivered": the outbox
 * tries again with back-off, and a delivery may be repeated (at least once), so use the notification's
 * record and topic to drop repeats where they matter.
 */
@FunctionalInterface
public interface Notifications {
    void send(Notification notification);

    /** Delivers nothing: a notification is written to the outbox already delivered, so it costs no delivery. */
    static Notifications none() {
        return NoRecipientChannel.INSTANCE;
    }

    /** Writes each notification to the log (SLF4J, at INFO): the default until the host supplies a channel. */
    static Notifications logging() {
        org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(Notifications.class);
        return n -> log.info("notify {} of {}: {} {} ({})", n.recipient(), n.topic(), n.recordType(), n.recordId(),
                n.message(java.util.Locale.ROOT));
    }
}
