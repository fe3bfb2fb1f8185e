package dev.kehu.crm.outbox;

/**
 * Port: where domain events go once their change has committed, supplied by the host (a Kafka or RabbitMQ
 * producer, a call to its ERP). Delivery is at least once: use {@link DomainEvent#key()} to drop repeats.
 * Throwing means "not delivered": the event is tried again later.
 */
@FunctionalInterface
public interface DomainEvents {
    void publish(DomainEvent event);

    /**
     * Publishes nowhere: events stay readable in the outbox ({@code Kehu.outbox().list(actor, OutboxQuery.events(…))}).
     * With this channel, the default, an event is written to the outbox already delivered, so it costs no delivery.
     */
    static DomainEvents none() {
        return NoEventConsumer.INSTANCE;
    }
}
