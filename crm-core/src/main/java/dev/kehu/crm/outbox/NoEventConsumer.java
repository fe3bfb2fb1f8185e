package dev.kehu.crm.outbox;

/** The channel of a host that consumes no events: one instance, so that the relay can tell it apart. */
enum NoEventConsumer implements DomainEvents {
    INSTANCE;

    @Override
    public void publish(DomainEvent event) {
        // nobody receives events: they stay readable in the outbox
    }
}
