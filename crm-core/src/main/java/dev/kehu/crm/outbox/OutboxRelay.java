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
 * already delivered ({@link #asWritten}): there is nothing to send, so it costs no transaction after the commit. One
 * that this relay is to deliver right after its use case commits is written already claimed, in the use case's
 * transaction, so that its delivery costs one transaction after the commit: the mark.
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
     * The message as a use case appends it. Already delivered when its channel has no consumer, so that nothing is
     * left to do after the commit. Otherwise pending: when {@code deliveredAfterCommit} (this relay is to
     * {@link #deliver} it once the use case's own transaction commits), already claimed by this relay, so that no
     * other relay takes it before that delivery and no claim is needed after the commit; should this process die
     * before marking it, {@link #deliverDue} takes it when the claim's lease ends. Otherwise (the commit is the
     * host's) as given, due at once.
     */
    public OutboxMessage asWritten(OutboxMessage message, boolean deliveredAfterCommit) {
        if (message.status() != OutboxStatus.PENDING) return message;
        boolean consumed = message.kind() == OutboxKind.NOTIFICATION ? notifications != Notifications.none()
                : events != DomainEvents.none();
        if (!consumed) return message.delivered(message.createdAt());
        return deliveredAfterCommit ? message.claimed(now().plus(retry.lease())) : message;
    }

    /**
     * Delivers what a use case wrote, right after it committed, in as few transactions as it takes: the messages
     * written claimed ({@link #asWritten}) are sent under that claim, and every outcome is recorded in one
     * transaction with one {@link Outbox#saveAll}. Should another relay have taken one meanwhile (the claim's lease
     * ran out while this was sending), the batch is refused and rolled back, and each outcome is recorded on its own,
     * the other relay's claim winning. A message given due (written unclaimed, or whose lease ran out before the
     * commit) is then claimed on its own, as {@link #deliverDue} takes messages.
     *
     * @param written the messages as appended (version 0)
     */
    public DeliveryReport deliver(List<OutboxMessage> written) {
        Instant now = now();
        List<OutboxMessage> pending = written.stream().filter(m -> m.status() == OutboxStatus.PENDING).toList();
        // The messages held by their claim go first, while its lease runs.
        DeliveryReport report = record(pending.stream().filter(m -> !isDue(m, now)).map(this::send).toList());
        return pending.stream().filter(m -> isDue(m, now)).map(this::attempt).reduce(report, DeliveryReport::plus);
    }

    /** Records every outcome in one transaction; when one of them is refused, each on its own. */
    private DeliveryReport record(List<Attempt> attempts) {
        if (attempts.isEmpty()) return DeliveryReport.NONE;
        try {
            transactions.useTransaction(() -> outbox.saveAll(attempts.stream().map(Attempt::outcome).toList()));
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
