package dev.kehu.crm.notification;

/** The channel of a host that sends no notifications: one instance, so that the outbox relay can tell it apart. */
enum NoRecipientChannel implements Notifications {
    INSTANCE;

    @Override
    public void send(Notification notification) {
        // nobody is told: the notification stays readable in the outbox
    }
}
