package dev.kehu.crm.notification;

/**
 * Port: delivers notifications to people, supplied by the host. Kehu sends after the change that caused a
 * notification has committed, so a rolled-back change notifies nobody; a failure to deliver is the host's to
 * handle and does not undo the change.
 */
@FunctionalInterface
public interface Notifications {
    void send(Notification notification);

    /** Delivers nothing: the default until the host supplies its own. */
    static Notifications none() {
        return notification -> { };
    }
}
