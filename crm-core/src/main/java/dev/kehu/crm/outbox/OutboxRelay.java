package dev.kehu.crm.outbox;

import dev.kehu.crm.common.StaleRecordException;
import dev.kehu.crm.common.Transactions;
import dev.kehu.crm.notification.Notification;
import dev.kehu.crm.notification.Notifications;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Delivers outbox messages to their channel: notifications to {@link Notifications}, events to
 * {@link DomainEvents}. Each message is first claimed in a transaction (its version moves, so two relays on two
 * hosts never deliver it at the same time), then delivered outside any transaction, then marked delivered, or
 * failed with a retry time, or dead. A relay that dies between claim and mark leaves the message to be tried again
 * when the claim's lease ends: delivery is at least once, never lost.
 *
 * <p>A message whose channel has no consumer ({@link DomainEvents#none()}, {@link Notifications#none()}) is written
 * already delivered ({@link #asWritten}): there is nothing to send, so it costs no transaction after the commit.
 */
public final class OutboxRelay {
    /** The most messages one run takes at a time. */
    static final int BATCH = 100;

    private final Transactions transactions;
    private final Outbox outbox;
    private final Clock clock;
    private final Notifications notifications;
    private final DomainEvents events;
    private final RetryPolicy retry;

    public OutboxRelay(Transactions transactions, Outbox outbox, Clock clock, Notifications notifications,
                       DomainEvents events, RetryPolicy retry) {
        this.transactions = transactions;
        this.outbox = outbox;
        this.clock = clock;
        this.notifications = notifications;
        this.events = events;
        this.retry = retry;
    }

    /** Delivers every message due now, in batches, until none is left that this run has not tried. */
    public DeliveryReport deliverDue() {
        DeliveryReport total = DeliveryReport.NONE;
        Instant runStarted = now();
        Set<String> tried = new HashSet<>(); // a message retried at once is left for the next run
        while (true) {
            List<OutboxMessage> due = transactions.inTransaction(() -> outbox.due(runStarted, BATCH)).stream()
                    .filter(m -> !tried.contains(m.tenant().value() + "/" + m.id())).toList();
            if (due.isEmpty()) return total;
            for (OutboxMessage message : due) {
                tried.add(message.tenant().value() + "/" + message.id());
                total = total.plus(attempt(message));
            }
        }
    }

    /**
     * The message as a use case appends it: already delivered when its channel has no consumer, so that nothing is
     * left to do after the commit; otherwise as given, pending.
     */
    public OutboxMessage asWritten(OutboxMessage message) {
        boolean consumed = message.kind() == OutboxKind.NOTIFICATION ? notifications != Notifications.none()
                : events != DomainEvents.none();
        return consumed || message.status() != OutboxStatus.PENDING ? message : message.delivered(message.createdAt());
    }

    /**
     * Delivers what a use case wrote, right after it committed, as few transactions as it takes: every message still
     * due is claimed in one transaction, sent, and every outcome recorded in one more. When another relay (a
     * {@link #deliverDue} run elsewhere) took one of them meanwhile, the refused batch is rolled back and each message
     * goes on its own, as {@code deliverDue} takes them, the other relay's claim winning.
     *
     * @param written the messages as appended (version 0)
     */
    public DeliveryReport deliver(List<OutboxMessage> written) {
        Instant now = now();
        List<OutboxMessage> due = written.stream().filter(m -> isDue(m, now)).toList();
        if (due.isEmpty()) return DeliveryReport.NONE;
        Instant leaseEnds = now.plus(retry.lease());
        List<OutboxMessage> claimed;
        try {
            claimed = transactions.inTransaction(() ->
                    due.stream().map(m -> outbox.save(m.claimed(leaseEnds))).toList());
        } catch (StaleRecordException taken) {
            return due.stream().map(this::attempt).reduce(DeliveryReport.NONE, DeliveryReport::plus);
        }
        List<Attempt> attempts = claimed.stream().map(this::send).toList();
        try {
            transactions.useTransaction(() -> attempts.forEach(a -> outbox.save(a.outcome())));
            return attempts.stream().map(Attempt::report).reduce(DeliveryReport.NONE, DeliveryReport::plus);
        } catch (StaleRecordException taken) {
            return attempts.stream().map(this::mark).reduce(DeliveryReport.NONE, DeliveryReport::plus);
        }
    }

    /** A claimed message after its delivery was tried: the message to save and what it counts for. */
    private record Attempt(OutboxMessage outcome, DeliveryReport report) {
    }

    private DeliveryReport attempt(OutboxMessage seen) {
        OutboxMessage claimed;
        try {
            claimed = transactions.inTransaction(() -> outbox.save(seen.claimed(now().plus(retry.lease()))));
        } catch (StaleRecordException taken) {
            return new DeliveryReport(0, 0, 0, 1);
        }
        return mark(send(claimed));
    }

    /** Sends a claimed message; a channel that throws means "not delivered": retried later, or dead after the last. */
    private Attempt send(OutboxMessage claimed) {
        try {
            publish(claimed);
        } catch (RuntimeException failure) {
            boolean last = claimed.attempts() >= retry.maxAttempts();
            Instant retryAt = last ? null : now().plus(retry.delayAfter(claimed.attempts()));
            String error = failure.getClass().getSimpleName() + ": " + failure.getMessage();
            return new Attempt(claimed.failed(firstCharacters(error, 1000), retryAt),
                    last ? new DeliveryReport(0, 0, 1, 0) : new DeliveryReport(0, 1, 0, 0));
        }
        return new Attempt(claimed.delivered(now()), new DeliveryReport(1, 0, 0, 0));
    }

    /** Records the outcome; when the lease ran out and another relay took the message meanwhile, its outcome wins. */
    private DeliveryReport mark(Attempt attempt) {
        try {
            transactions.inTransaction(() -> outbox.save(attempt.outcome()));
            return attempt.report();
        } catch (StaleRecordException taken) {
            return new DeliveryReport(0, 0, 0, 1);
        }
    }

    private void publish(OutboxMessage m) {
        if (m.kind() == OutboxKind.NOTIFICATION) {
            notifications.send(new Notification(m.tenant(), m.recipient(), m.topic(), m.recordType(), m.recordId(),
                    m.actor(), m.createdAt(), m.data()));
        } else {
            events.publish(DomainEvent.of(m));
        }
    }

    /** At most {@code max} characters, cut between whole characters (never inside a surrogate pair). */
    private static String firstCharacters(String text, int max) {
        if (text.length() <= max) return text;
        return text.substring(0, Character.isHighSurrogate(text.charAt(max - 1)) ? max - 1 : max);
    }

    private static boolean isDue(OutboxMessage m, Instant now) {
        return m.status() == OutboxStatus.PENDING && !m.nextAttemptAt().isAfter(now);
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
