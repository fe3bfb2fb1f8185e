package dev.kehu.crm.notification;

/**
 * Port: delivers notifications to people, supplied by the host. Kehu sends after the change that caused a
 * notification has committed, so a rolled-back change notifies nobody; a delivery that throws is logged (and the
 * others still go): it neither undoes the change nor fails the call that made it.
 */
@FunctionalInterface
public interface Notifications {
    void send(Notification notification);

    /** Delivers nothing: the default until the host supplies its own. */
    static Notifications none() {
        return notification -> { };
    }
}
