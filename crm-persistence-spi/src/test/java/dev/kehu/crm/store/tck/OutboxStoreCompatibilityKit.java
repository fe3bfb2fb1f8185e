package dev.kehu.crm.store.tck;

import static dev.kehu.crm.store.tck.KitSupport.assertStored;
import static dev.kehu.crm.store.tck.KitSupport.onAnotherThread;
import static dev.kehu.crm.store.tck.KitSupport.race;
import static dev.kehu.crm.store.tck.TestRecords.AWKWARD;
import static dev.kehu.crm.store.tck.TestRecords.OTHER_TENANT;
import static dev.kehu.crm.store.tck.TestRecords.T0;
import static dev.kehu.crm.store.tck.TestRecords.TENANT;
import static dev.kehu.crm.store.tck.TestRecords.event;
import static dev.kehu.crm.store.tck.TestRecords.minimalCustomer;
import static dev.kehu.crm.store.tck.TestRecords.notification;
import static dev.kehu.crm.store.tck.TestRecords.t0PlusMicros;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kehu.crm.CrmStore;
import dev.kehu.crm.common.DuplicateRecordException;
import dev.kehu.crm.common.StaleRecordException;
import dev.kehu.crm.common.TenantId;
import dev.kehu.crm.common.Transactions;
import dev.kehu.crm.customer.CustomerId;
import dev.kehu.crm.outbox.OutboxKind;
import dev.kehu.crm.outbox.OutboxMessage;
import dev.kehu.crm.outbox.OutboxQuery;
import dev.kehu.crm.outbox.OutboxStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The compatibility kit of the transactional outbox of Kehu stores ({@code CrmStore.outbox()}) and of
 * {@code Transactions.isActive()}, as their javadoc and the package documentation of {@code dev.kehu.crm.store}
 * say. Extend it beside {@link CrmStoreCompatibilityKit}:
 * <pre>{@code
 * class MyOutboxStoreCompatibilityTest extends OutboxStoreCompatibilityKit {
 *     @Override
 *     protected CrmStore newStore() { return MyStores.fresh(); }
 * }
 * }</pre>
 * One test opens a second store with {@link #newStore()}, and closes it. Ids are binary-ordered on purpose
 * ({@code "B10" < "B9" < "a1"}). Some tests use several threads and wait at most ten seconds for any of them.
 */
public abstract class OutboxStoreCompatibilityKit extends StorePerTest {
    /** The longest error the relay keeps: 1000 characters of Chinese, quotes, backslashes, emoji, line breaks. */
    private static final String LONG_ERROR = longError();
    private static final OutboxQuery ALL = new OutboxQuery(null, null, null, 1000);

    @Nested
    @DisplayName("Messages keep every field, their data in its order")
    class RoundTrips {
        @Test
        @DisplayName("a notification is read back exactly, with version 0: its data in their order with Chinese text, "
                + "quotes, emoji, an empty and a null value; instants to the microsecond")
        void notificationRoundTrips() {
            OutboxMessage message = notification(TENANT, "m-1", "opportunity.assigned/o-1/u-li", t0PlusMicros(1));

            assertThat(store.outbox().append(message)).isTrue();

            assertMessage(store.outbox().find(TENANT, "m-1"), message);
        }

        @Test
        @DisplayName("an event without recipient or data is read back exactly")
        void eventRoundTrips() {
            OutboxMessage message = event(TENANT, "m-1", "customer.create/c-1", t0PlusMicros(1));

            assertThat(store.outbox().append(message)).isTrue();

            assertMessage(store.outbox().find(TENANT, "m-1"), message);
        }

        @Test
        @DisplayName("each save is read back with the next version: a claim, a failure with an error of 1000 "
                + "characters, a second claim and the delivery, every instant to the microsecond")
        void deliveredMessageRoundTrips() {
            OutboxMessage appended = appended(notification(TENANT, "m-1", "k-1", t0PlusMicros(1)));

            OutboxMessage claimed = saved(appended.claimed(t0PlusMicros(300_000_001)), 1);
            OutboxMessage failed = saved(claimed.failed(LONG_ERROR, t0PlusMicros(30_000_002)), 2);
            OutboxMessage claimedAgain = saved(failed.claimed(t0PlusMicros(330_000_003)), 3);
            saved(claimedAgain.delivered(t0PlusMicros(30_000_004)), 4);

            assertThat(failed.lastError()).hasSize(1000);
        }

        @Test
        @DisplayName("a message given up on is read back dead, with its last error")
        void deadMessageRoundTrips() {
            OutboxMessage appended = appended(event(TENANT, "m-1", "k-1", T0));

            OutboxMessage claimed = saved(appended.claimed(t0PlusMicros(7)), 1);
            saved(claimed.failed("IllegalStateException: 邮件服务器拒绝 'relay' \\ 550", null), 2);
        }

        @Test
        @DisplayName("a key of 200 characters in any script is kept whole, and is taken by its message")
        void longKeysAreKeptWhole() {
            String start = "客户.create/" + "键🚀'\"\\%_ ".repeat(20);
            String key = start + "x".repeat(200 - start.length()); // ends in ASCII: the prefix below cuts no emoji
            OutboxMessage message = notification(TENANT, "m-1", key, T0);

            assertThat(store.outbox().append(message)).isTrue();
            assertThat(store.outbox().append(event(TENANT, "m-2", key, T0))).isFalse();
            assertThat(store.outbox().append(event(TENANT, "m-3", key.substring(0, 199), T0))).isTrue();

            assertMessage(store.outbox().find(TENANT, "m-1"), message);
        }

        @Test
        @DisplayName("nothing is found for an id that was never appended")
        void unknownIdsAreNotFound() {
            appended(event(TENANT, "m-1", "k-1", T0));

            assertThat(store.outbox().find(TENANT, "m-2")).isEmpty();
        }
    }

    @Nested
    @DisplayName("appendAll writes many new messages at once, as that many appends would; a taken key is refused")
    class AppendAll {
        @Test
        @DisplayName("messages are read back exactly, one appended delivered too, and only the pending one is due")
        void messagesRoundTrip() {
            OutboxMessage pending = notification(TENANT, "m-1", "k-1", T0);
            OutboxMessage delivered = event(TENANT, "m-2", "k-2", t0PlusMicros(1)).delivered(t0PlusMicros(1));

            store.outbox().appendAll(List.of(pending, delivered));
            store.outbox().appendAll(List.of());

            assertMessage(store.outbox().find(TENANT, "m-1"), pending);
            assertMessage(store.outbox().find(TENANT, "m-2"), delivered);
            assertThat(store.outbox().due(T0.plusSeconds(1), 10)).extracting(OutboxMessage::id).containsExactly("m-1");
        }

        @Test
        @DisplayName("a key taken by a stored message or twice in the batch, or a taken id, is refused, and nothing of "
                + "the batch stays once the refusal ends the transaction")
        void takenKeysAreRefused() {
            OutboxMessage stored = appended(event(TENANT, "m-1", "k-1", T0));

            for (List<OutboxMessage> batch : List.of(
                    List.of(event(TENANT, "m-2", "k-2", T0), event(TENANT, "m-3", "k-1", T0)),
                    List.of(event(TENANT, "m-2", "k-2", T0), event(TENANT, "m-3", "k-2", T0)),
                    List.of(event(TENANT, "m-2", "k-2", T0), event(TENANT, "m-1", "k-3", T0)))) {
                assertThatThrownBy(() -> store.transactions().useTransaction(() -> store.outbox().appendAll(batch)))
                        .isInstanceOf(DuplicateRecordException.class);
                assertThat(store.outbox().list(TENANT, ALL)).containsExactly(stored);
            }
            store.outbox().appendAll(List.of(event(OTHER_TENANT, "m-1", "k-1", T0)));
            assertThat(store.outbox().find(OTHER_TENANT, "m-1")).isPresent();
        }
    }

    @Nested
    @DisplayName("An idempotency key is written once per tenant; a repeat is refused with false, not an error")
    class IdempotencyKeys {
        @Test
        @DisplayName("a message with a taken key is not written and append says false; the first stays as it was")
        void takenKeyIsRefused() {
            OutboxMessage first = appended(notification(TENANT, "m-1", "k-1", T0));

            assertThat(store.outbox().append(event(TENANT, "m-2", "k-1", t0PlusMicros(1)))).isFalse();

            assertThat(store.outbox().find(TENANT, "m-2")).isEmpty();
            assertMessage(store.outbox().find(TENANT, "m-1"), first);
            assertThat(store.outbox().list(TENANT, ALL)).containsExactly(first);
        }

        @Test
        @DisplayName("a key stays taken whatever became of its message: delivered or dead")
        void keysOfFinishedMessagesStayTaken() {
            deliver(appended(event(TENANT, "m-1", "k-1", T0)));
            giveUp(appended(event(TENANT, "m-2", "k-2", T0)));

            assertThat(store.outbox().append(event(TENANT, "m-3", "k-1", t0PlusMicros(3)))).isFalse();
            assertThat(store.outbox().append(event(TENANT, "m-4", "k-2", t0PlusMicros(3)))).isFalse();

            assertThat(store.outbox().list(TENANT, ALL)).extracting(OutboxMessage::id).containsExactly("m-1", "m-2");
        }

        @Test
        @DisplayName("a message whose key is free but whose id is taken is refused as a duplicate, and the first stays")
        void takenIdIsADuplicate() {
            OutboxMessage first = appended(notification(TENANT, "m-1", "k-1", T0));

            assertThatThrownBy(() -> store.outbox().append(event(TENANT, "m-1", "k-2", t0PlusMicros(1))))
                    .isInstanceOf(DuplicateRecordException.class);

            assertMessage(store.outbox().find(TENANT, "m-1"), first);
            assertThat(store.outbox().list(TENANT, ALL)).containsExactly(first);
        }

        @Test
        @DisplayName("the same key in another tenant is another key")
        void keysArePerTenant() {
            OutboxMessage ours = appended(notification(TENANT, "m-1", "k-1", T0));

            OutboxMessage theirs = event(OTHER_TENANT, "m-2", "k-1", T0);
            assertThat(store.outbox().append(theirs)).isTrue();

            assertMessage(store.outbox().find(TENANT, "m-1"), ours);
            assertMessage(store.outbox().find(OTHER_TENANT, "m-2"), theirs);
        }

        @Test
        @DisplayName("keys that differ only in letter case or a trailing space are different keys")
        void keysCompareExactly() {
            appended(event(TENANT, "m-1", "Key-1", T0));

            assertThat(store.outbox().append(event(TENANT, "m-2", "key-1", T0))).isTrue();
            assertThat(store.outbox().append(event(TENANT, "m-3", "key-1 ", T0))).isTrue();

            assertThat(store.outbox().list(TENANT, ALL)).hasSize(3);
        }

        @Test
        @DisplayName("a refused append leaves its transaction able to go on: the writes before and after it commit")
        void refusedAppendKeepsTheTransaction() {
            OutboxMessage committed = appended(event(TENANT, "m-0", "k-0", T0));
            List<Boolean> answers = new ArrayList<>();

            store.transactions().useTransaction(() -> {
                store.customers().save(minimalCustomer(TENANT, "c-1", "Written before"));
                answers.add(store.outbox().append(notification(TENANT, "m-1", "k-1", t0PlusMicros(1))));
                answers.add(store.outbox().append(event(TENANT, "m-2", "k-1", t0PlusMicros(2)))); // taken in here
                answers.add(store.outbox().append(event(TENANT, "m-3", "k-0", t0PlusMicros(3)))); // taken before
                store.customers().save(minimalCustomer(TENANT, "c-2", "Written after"));
                answers.add(store.outbox().append(event(TENANT, "m-4", "k-4", t0PlusMicros(4))));
            });

            assertThat(answers).containsExactly(true, false, false, true);
            assertThat(store.customers().find(TENANT, new CustomerId("c-1"))).isPresent();
            assertThat(store.customers().find(TENANT, new CustomerId("c-2"))).isPresent();
            assertThat(store.outbox().list(TENANT, ALL)).extracting(OutboxMessage::id)
                    .containsExactly("m-0", "m-1", "m-4");
            assertMessage(store.outbox().find(TENANT, "m-0"), committed);
        }

        @Test
        @DisplayName("of several threads appending one key at once, exactly one writes it, the others are told false")
        void concurrentAppendsOfOneKey() throws InterruptedException {
            List<OutboxMessage> messages = IntStream.range(0, 4)
                    .mapToObj(i -> event(TENANT, "m-" + i, "k-1", t0PlusMicros(i)))
                    .toList();
            List<Callable<Boolean>> appends = messages.stream()
                    .<Callable<Boolean>>map(m -> () -> store.outbox().append(m))
                    .toList();

            List<Object> outcomes = race(appends);

            assertThat(outcomes).as("append's answers").containsOnly(true, false).containsOnlyOnce(true);
            OutboxMessage written = messages.get(outcomes.indexOf(true));
            assertThat(store.outbox().list(TENANT, ALL)).containsExactly(written);
        }
    }

    @Nested
    @DisplayName("A save expects the stored version, so that two relays never both claim a message")
    class Versions {
        @Test
        @DisplayName("a save with a stale version is refused, naming the record type, the id and the version given, "
                + "and the stored message is unchanged")
        void staleVersionWritesNothing() {
            OutboxMessage appended = appended(notification(TENANT, "m-1", "k-1", T0));
            OutboxMessage claimed = store.outbox().save(appended.claimed(t0PlusMicros(5)));

            assertThatThrownBy(() -> store.outbox().save(appended.claimed(t0PlusMicros(6))))
                    .isInstanceOfSatisfying(StaleRecordException.class, e -> {
                        assertThat(e.recordType()).isEqualTo(OutboxMessage.RECORD_TYPE);
                        assertThat(e.recordId()).isEqualTo("m-1");
                        assertThat(e.expectedVersion()).isZero();
                    });
            assertThatThrownBy(() -> store.outbox().save(claimed.withVersion(2).delivered(t0PlusMicros(7))))
                    .isInstanceOf(StaleRecordException.class);

            assertMessage(store.outbox().find(TENANT, "m-1"), claimed);
        }

        @Test
        @DisplayName("a save of a message that was never appended is refused, whatever its version, and nothing is "
                + "written")
        void saveOfMissingMessageFails() {
            OutboxMessage never = notification(TENANT, "m-1", "k-1", T0);

            assertThatThrownBy(() -> store.outbox().save(never)).isInstanceOf(StaleRecordException.class);
            assertThatThrownBy(() -> store.outbox().save(never.withVersion(3)))
                    .isInstanceOf(StaleRecordException.class);

            assertThat(store.outbox().find(TENANT, "m-1")).isEmpty();
            assertThat(store.outbox().list(TENANT, ALL)).isEmpty();
            assertThat(store.outbox().due(T0, 10)).isEmpty();
            assertThat(store.outbox().append(never)).as("the key is still free").isTrue();
        }

        @Test
        @DisplayName("of several relays claiming one message at once, exactly one succeeds")
        void concurrentClaimsOfOneMessage() throws InterruptedException {
            OutboxMessage appended = appended(notification(TENANT, "m-1", "k-1", T0));
            List<Callable<OutboxMessage>> claims = IntStream.range(0, 4)
                    .<Callable<OutboxMessage>>mapToObj(i -> () ->
                            store.outbox().save(appended.claimed(t0PlusMicros(i))))
                    .toList();

            List<Object> outcomes = race(claims);

            assertThat(outcomes).filteredOn(StaleRecordException.class::isInstance).hasSize(3);
            List<Object> won = outcomes.stream().filter(OutboxMessage.class::isInstance).toList();
            assertThat(won).hasSize(1);
            assertMessage(store.outbox().find(TENANT, "m-1"), (OutboxMessage) won.get(0));
        }
    }

    @Nested
    @DisplayName("saveAll saves many messages as that many saves would, all or none")
    class SaveAll {
        @Test
        @DisplayName("each is read back with its next version, of several tenants, and returned in the order given: "
                + "a delivery, a failure with an error of 1000 characters, a dead letter, a second claim")
        void savesEach() {
            OutboxMessage delivered = claimed(notification(TENANT, "B9", "k-1", t0PlusMicros(1)));
            OutboxMessage retried = claimed(event(TENANT, "B10", "k-2", t0PlusMicros(2)));
            OutboxMessage dead = claimed(event(OTHER_TENANT, "B9", "k-3", t0PlusMicros(3)));
            OutboxMessage again = appended(notification(TENANT, "a1", "k-4", t0PlusMicros(4)));
            List<OutboxMessage> outcomes = List.of(delivered.delivered(t0PlusMicros(30_000_004)),
                    retried.failed(LONG_ERROR, t0PlusMicros(30_000_005)), dead.failed(AWKWARD, null),
                    again.claimed(t0PlusMicros(300_000_006)));

            List<OutboxMessage> saved = store.transactions().inTransaction(() -> store.outbox().saveAll(outcomes));

            assertThat(saved).containsExactlyElementsOf(outcomes.stream()
                    .map(m -> m.withVersion(m.version() + 1)).toList());
            saved.forEach(m -> assertMessage(store.outbox().find(m.tenant(), m.id()), m));
            assertThat(store.outbox().saveAll(List.of())).isEmpty();
        }

        @Test
        @DisplayName("a stale version among them, or a message never appended, refuses the batch naming it, and once "
                + "its transaction has rolled back nothing of it is written")
        void staleOneWritesNothing() {
            OutboxMessage first = claimed(notification(TENANT, "m-1", "k-1", T0));
            OutboxMessage taken = claimed(notification(TENANT, "m-2", "k-2", T0));
            OutboxMessage last = claimed(notification(TENANT, "m-3", "k-3", T0));
            OutboxMessage takenElsewhere = store.outbox().save(taken.claimed(t0PlusMicros(9)));
            OutboxMessage never = notification(TENANT, "m-4", "k-4", T0).claimed(t0PlusMicros(9));

            assertThatThrownBy(() -> store.transactions().useTransaction(() -> store.outbox().saveAll(List.of(
                    first.delivered(t0PlusMicros(2)), taken.delivered(t0PlusMicros(2)), last.delivered(t0PlusMicros(2))))))
                    .isInstanceOfSatisfying(StaleRecordException.class, e -> {
                        assertThat(e.recordType()).isEqualTo(OutboxMessage.RECORD_TYPE);
                        assertThat(e.recordId()).isEqualTo("m-2");
                        assertThat(e.expectedVersion()).isEqualTo(1);
                    });
            assertThatThrownBy(() -> store.transactions().useTransaction(() -> store.outbox().saveAll(List.of(
                    first.delivered(t0PlusMicros(2)), never))))
                    .isInstanceOfSatisfying(StaleRecordException.class, e -> assertThat(e.recordId()).isEqualTo("m-4"));

            assertMessage(store.outbox().find(TENANT, "m-1"), first);
            assertMessage(store.outbox().find(TENANT, "m-2"), takenElsewhere);
            assertMessage(store.outbox().find(TENANT, "m-3"), last);
            assertThat(store.outbox().find(TENANT, "m-4")).isEmpty();
        }

        @Test
        @DisplayName("of several relays saving the same messages at once, each in its transaction, exactly one writes "
                + "them, all of them")
        void concurrentSavesOfOneBatch() throws InterruptedException {
            List<OutboxMessage> claimed = IntStream.range(0, 5)
                    .mapToObj(i -> claimed(notification(TENANT, "m-" + i, "k-" + i, T0))).toList();
            List<Callable<List<OutboxMessage>>> saves = IntStream.range(0, 4)
                    .<Callable<List<OutboxMessage>>>mapToObj(relay -> () -> store.transactions().inTransaction(() ->
                            store.outbox().saveAll(claimed.stream()
                                    .map(m -> m.failed("relay " + relay, t0PlusMicros(relay))).toList())))
                    .toList();

            List<Object> outcomes = race(saves);

            assertThat(outcomes).filteredOn(StaleRecordException.class::isInstance).hasSize(3);
            List<Object> won = outcomes.stream().filter(List.class::isInstance).toList();
            assertThat(won).hasSize(1);
            ((List<?>) won.get(0)).forEach(m -> {
                OutboxMessage stored = (OutboxMessage) m;
                assertMessage(store.outbox().find(TENANT, stored.id()), stored);
            });
        }

        /** Appends {@code message} and claims it with a save: version 1. */
        private OutboxMessage claimed(OutboxMessage message) {
            return saved(appended(message).claimed(t0PlusMicros(1)), 1);
        }
    }

    @Nested
    @DisplayName("due lists the pending messages of every tenant whose next attempt has come")
    class Due {
        private final Instant now = t0PlusMicros(100);

        @Test
        @DisplayName("pending messages due at or before now, of every tenant; not those due a microsecond later, "
                + "nor delivered or dead ones")
        void selectsDuePendingMessages() {
            OutboxMessage first = appended(notification(TENANT, "m-1", "k-1", T0));
            OutboxMessage atNow = appended(event(OTHER_TENANT, "m-2", "k-2", now));
            appended(event(TENANT, "m-3", "k-3", t0PlusMicros(101)));
            OutboxMessage retried = store.outbox().save(store.outbox()
                    .save(appended(event(TENANT, "m-4", "k-4", T0)).claimed(t0PlusMicros(10)))
                    .failed("timeout", t0PlusMicros(50)));
            store.outbox().save(appended(event(TENANT, "m-5", "k-5", T0)).claimed(t0PlusMicros(101)));
            deliver(appended(event(TENANT, "m-6", "k-6", T0)));
            giveUp(appended(event(OTHER_TENANT, "m-7", "k-7", T0)));

            assertThat(store.outbox().due(now, 100)).containsExactly(first, retried, atNow);
        }

        @Test
        @DisplayName("by next attempt, then creation time, then id compared as binary text, across tenants")
        void orderedByNextAttemptCreationAndId() {
            Stream.of(pending(TENANT, "m-a1", 1, 5), pending(OTHER_TENANT, "m-0", 2, 5), pending(TENANT, "m-B9", 1, 5),
                    pending(TENANT, "m-A", 3, 4), pending(TENANT, "m-z", 0, 5), pending(OTHER_TENANT, "m-B10", 1, 5))
                    .forEach(OutboxStoreCompatibilityKit.this::appended);

            assertThat(store.outbox().due(now, 100)).extracting(OutboxMessage::id)
                    .containsExactly("m-A", "m-z", "m-B10", "m-B9", "m-a1", "m-0");
        }

        @Test
        @DisplayName("at most limit messages, the first in that order")
        void limited() {
            Stream.of(pending(TENANT, "m-3", 3, 3), pending(OTHER_TENANT, "m-1", 1, 1), pending(TENANT, "m-2", 2, 2))
                    .forEach(OutboxStoreCompatibilityKit.this::appended);

            assertThat(store.outbox().due(now, 2)).extracting(OutboxMessage::id).containsExactly("m-1", "m-2");
            assertThat(store.outbox().due(now, 1)).extracting(OutboxMessage::id).containsExactly("m-1");
        }
    }

    @Nested
    @DisplayName("purgeDelivered removes delivered messages of every tenant delivered before a time, and no other")
    class Purge {
        @Test
        @DisplayName("delivered before the time, of every tenant: removed; delivered at or after it, pending, failed "
                + "and dead: kept")
        void removesOnlyMessagesDeliveredBefore() {
            deliverAt(appended(event(TENANT, "m-1", "k-1", T0)), 10);
            deliverAt(appended(event(OTHER_TENANT, "m-2", "k-2", T0)), 19);
            deliverAt(appended(event(TENANT, "m-3", "k-3", T0)), 20);
            OutboxMessage pending = appended(event(TENANT, "m-4", "k-4", T0));
            OutboxMessage failed = store.outbox().save(store.outbox()
                    .save(appended(event(TENANT, "m-5", "k-5", T0)).claimed(t0PlusMicros(1)))
                    .failed("timeout", t0PlusMicros(5)));
            giveUp(appended(event(OTHER_TENANT, "m-6", "k-6", T0)));

            assertThat(store.outbox().purgeDelivered(t0PlusMicros(20), 100)).isEqualTo(2);

            assertThat(store.outbox().find(TENANT, "m-1")).isEmpty();
            assertThat(store.outbox().find(OTHER_TENANT, "m-2")).isEmpty();
            assertThat(store.outbox().list(TENANT, ALL)).extracting(OutboxMessage::id)
                    .containsExactly("m-3", "m-4", "m-5");
            assertThat(store.outbox().list(OTHER_TENANT, ALL)).extracting(OutboxMessage::id).containsExactly("m-6");
            assertMessage(store.outbox().find(TENANT, "m-4"), pending);
            assertMessage(store.outbox().find(TENANT, "m-5"), failed);
            assertThat(store.outbox().purgeDelivered(t0PlusMicros(20), 100)).isZero();
        }

        @Test
        @DisplayName("at most limit messages, the earliest delivered first")
        void limitedToTheEarliestDelivered() {
            deliverAt(appended(event(TENANT, "m-1", "k-1", T0)), 30);
            deliverAt(appended(event(OTHER_TENANT, "m-2", "k-2", T0)), 10);
            deliverAt(appended(event(TENANT, "m-3", "k-3", T0)), 20);

            assertThat(store.outbox().purgeDelivered(t0PlusMicros(100), 2)).isEqualTo(2);

            assertThat(store.outbox().list(TENANT, ALL)).extracting(OutboxMessage::id).containsExactly("m-1");
            assertThat(store.outbox().list(OTHER_TENANT, ALL)).isEmpty();
        }

        @Test
        @DisplayName("a purged message's key is free again, and its id too")
        void purgedKeysAreFree() {
            deliverAt(appended(event(TENANT, "m-1", "k-1", T0)), 10);

            store.outbox().purgeDelivered(t0PlusMicros(11), 10);

            assertThat(store.outbox().append(event(TENANT, "m-1", "k-1", t0PlusMicros(12)))).isTrue();
        }

        @Test
        @DisplayName("a purge rolled back with its transaction removes nothing")
        void rolledBackPurgeRemovesNothing() {
            deliverAt(appended(event(TENANT, "m-1", "k-1", T0)), 10);

            assertThatThrownBy(() -> store.transactions().useTransaction(() -> {
                assertThat(store.outbox().purgeDelivered(t0PlusMicros(11), 10)).isEqualTo(1);
                throw new IllegalStateException("the caller fails after the purge");
            })).isInstanceOf(IllegalStateException.class);

            assertThat(store.outbox().find(TENANT, "m-1")).isPresent();
        }

        @Test
        @DisplayName("a limit below 1 is refused")
        void limitMustBePositive() {
            assertThatThrownBy(() -> store.outbox().purgeDelivered(T0, 0)).isInstanceOf(IllegalArgumentException.class);
        }

        private void deliverAt(OutboxMessage message, long micros) {
            store.outbox().save(store.outbox().save(message.claimed(t0PlusMicros(1))).delivered(t0PlusMicros(micros)));
        }
    }

    @Nested
    @DisplayName("list reads a tenant's messages oldest first, as OutboxQuery selects them")
    class Listing {
        @Test
        @DisplayName("by kind, by status, by both, or all; by creation time, then id compared as binary text")
        void selectsAsTheQuerySays() {
            appended(event(TENANT, "m-c0", "k-1", T0));
            deliver(appended(event(TENANT, "m-a1", "k-2", t0PlusMicros(1))));
            appended(notification(TENANT, "m-B9", "k-3", t0PlusMicros(2)));
            appended(event(TENANT, "m-B10", "k-4", t0PlusMicros(2)));
            giveUp(appended(event(TENANT, "m-a2", "k-5", t0PlusMicros(2))));
            giveUp(appended(notification(TENANT, "m-C", "k-6", t0PlusMicros(3))));
            appended(event(OTHER_TENANT, "m-x", "k-1", t0PlusMicros(1)));
            List<OutboxMessage> stored = store.outbox().list(TENANT, ALL);

            assertListed(stored, ALL, "m-c0", "m-a1", "m-B10", "m-B9", "m-a2", "m-C");
            assertListed(stored, OutboxQuery.events(1000), "m-c0", "m-a1", "m-B10", "m-a2");
            assertListed(stored, query(OutboxKind.NOTIFICATION, null), "m-B9", "m-C");
            assertListed(stored, query(null, OutboxStatus.PENDING), "m-c0", "m-B10", "m-B9");
            assertListed(stored, query(null, OutboxStatus.DELIVERED), "m-a1");
            assertListed(stored, query(OutboxKind.EVENT, OutboxStatus.DEAD), "m-a2");
            assertListed(stored, query(OutboxKind.NOTIFICATION, OutboxStatus.DELIVERED));
            assertThat(store.outbox().list(TENANT, new OutboxQuery(null, null, null, 2)))
                    .containsExactlyElementsOf(stored.subList(0, 2));
            assertThat(store.outbox().list(TENANT, new OutboxQuery(OutboxKind.NOTIFICATION, null, null, 1)))
                    .extracting(OutboxMessage::id).containsExactly("m-B9");
        }

        @Test
        @DisplayName("reading on after the last message read, a page at a time, lists each message once, in order")
        void pagesWithAfter() {
            for (int i = 0; i < 7; i++) {
                appended(i % 3 == 0 ? notification(TENANT, "m-" + i, "k-" + i, t0PlusMicros(i / 2))
                        : event(TENANT, "m-" + i, "k-" + i, t0PlusMicros(i / 2)));
            }

            assertThat(readInPages(new OutboxQuery(null, null, null, 3))).extracting(OutboxMessage::id)
                    .containsExactly("m-0", "m-1", "m-2", "m-3", "m-4", "m-5", "m-6");
            assertThat(readInPages(OutboxQuery.events(2))).extracting(OutboxMessage::id)
                    .containsExactly("m-1", "m-2", "m-4", "m-5");
        }

        @Test
        @DisplayName("reading on starts after the message named, even when it no longer matches the query")
        void afterCountsFromTheMessageNamed() {
            for (int i = 1; i <= 4; i++) appended(event(TENANT, "m-" + i, "k-" + i, t0PlusMicros(i)));
            OutboxQuery pending = OutboxQuery.events(2).withStatus(OutboxStatus.PENDING);
            List<OutboxMessage> firstPage = store.outbox().list(TENANT, pending);
            deliver(firstPage.get(1));

            assertThat(store.outbox().list(TENANT, pending.after("m-2"))).extracting(OutboxMessage::id)
                    .containsExactly("m-3", "m-4");
            assertThat(store.outbox().list(TENANT, pending.after("m-4"))).isEmpty();
        }

        private List<OutboxMessage> readInPages(OutboxQuery query) {
            List<OutboxMessage> read = new ArrayList<>();
            List<OutboxMessage> page = store.outbox().list(TENANT, query);
            while (!page.isEmpty()) {
                assertThat(page.size()).isLessThanOrEqualTo(query.limit());
                // Each page must bring messages not read yet, or a store that lists the message named again never ends.
                assertThat(read).as("messages read again").doesNotContainAnyElementsOf(page);
                read.addAll(page);
                page = store.outbox().list(TENANT, query.after(page.get(page.size() - 1).id()));
            }
            return read;
        }
    }

    @Nested
    @DisplayName("Messages of one tenant are invisible to every other tenant")
    class TenantIsolation {
        @Test
        @DisplayName("a message is not found or listed for another tenant, and cannot be saved through it")
        void messagesAreInvisible() {
            OutboxMessage ours = appended(notification(TENANT, "m-1", "k-1", T0));
            OutboxMessage throughOther = notification(OTHER_TENANT, "m-1", "k-1", T0).claimed(t0PlusMicros(1));

            assertThat(store.outbox().find(OTHER_TENANT, "m-1")).isEmpty();
            assertThat(store.outbox().list(OTHER_TENANT, ALL)).isEmpty();
            assertThatThrownBy(() -> store.outbox().save(throughOther)).isInstanceOf(StaleRecordException.class);

            assertThat(store.outbox().find(OTHER_TENANT, "m-1")).isEmpty();
            assertMessage(store.outbox().find(TENANT, "m-1"), ours);
        }
    }

    @Nested
    @DisplayName("Appends and saves commit and roll back with the transaction")
    class TransactionBoundaries {
        @Test
        @DisplayName("an exception rolls back the messages appended and saved in it, and their keys are free again")
        void exceptionRollsBackAppendsAndSaves() {
            OutboxMessage committed = appended(event(TENANT, "m-0", "k-0", T0));
            RuntimeException failure = new IllegalStateException("the use case fails after writing");

            assertThatThrownBy(() -> store.transactions().useTransaction(() -> {
                store.outbox().append(notification(TENANT, "m-1", "k-1", t0PlusMicros(1)));
                store.outbox().save(committed.claimed(t0PlusMicros(2)));
                throw failure;
            })).isSameAs(failure);

            assertThat(store.outbox().find(TENANT, "m-1")).isEmpty();
            assertMessage(store.outbox().find(TENANT, "m-0"), committed);
            assertThat(store.outbox().due(t0PlusMicros(1), 10)).containsExactly(committed);
            assertThat(store.outbox().append(event(TENANT, "m-2", "k-1", t0PlusMicros(3)))).isTrue();
        }

        @Test
        @DisplayName("a transaction sees its own appends and saves, and other threads see them once it commits")
        void transactionSeesItsOwnWrites() throws InterruptedException {
            OutboxMessage claimed = store.transactions().inTransaction(() -> {
                OutboxMessage appended = appended(notification(TENANT, "m-1", "k-1", T0));
                assertMessage(store.outbox().find(TENANT, "m-1"), appended);
                assertThat(store.outbox().list(TENANT, ALL)).containsExactly(appended);
                assertThat(store.outbox().due(T0, 10)).containsExactly(appended);
                OutboxMessage saved = store.outbox().save(appended.claimed(t0PlusMicros(1)));
                assertMessage(store.outbox().find(TENANT, "m-1"), saved);
                return saved;
            });

            assertThat(onAnotherThread(() -> store.outbox().find(TENANT, "m-1"))).contains(claimed);
        }
    }

    @Nested
    @DisplayName("Transactions.isActive says whether the calling thread is in a transaction of this store")
    class ActiveTransactions {
        @Test
        @DisplayName("false outside, true inside and in a nested call, false again once the outermost call returns")
        void activeFromOutermostStartToEnd() {
            Transactions transactions = store.transactions();
            List<Boolean> seen = new ArrayList<>();

            seen.add(transactions.isActive());
            transactions.useTransaction(() -> {
                seen.add(transactions.isActive());
                transactions.useTransaction(() -> seen.add(transactions.isActive()));
                seen.add(transactions.isActive());
            });
            seen.add(transactions.isActive());

            assertThat(seen).containsExactly(false, true, true, true, false);
        }

        @Test
        @DisplayName("false after a rollback, and after calls that were transactions of their own")
        void noTransactionIsLeftOpen() {
            assertThatThrownBy(() -> store.transactions().useTransaction(() -> {
                store.outbox().append(event(TENANT, "m-1", "k-1", T0));
                throw new IllegalStateException("rolled back");
            })).isInstanceOf(IllegalStateException.class);
            assertThat(store.transactions().isActive()).as("after a rollback").isFalse();

            OutboxMessage appended = appended(event(TENANT, "m-2", "k-2", T0));
            store.outbox().save(appended.claimed(t0PlusMicros(1)));
            store.outbox().append(event(TENANT, "m-3", "k-2", T0));
            store.outbox().due(T0, 10);
            store.outbox().list(TENANT, ALL);
            assertThat(store.transactions().isActive()).as("after calls outside a transaction").isFalse();
        }

        @Test
        @DisplayName("false on another thread while this one is in a transaction")
        void activeOnlyOnItsThread() throws InterruptedException {
            List<Boolean> seen = new ArrayList<>();

            store.transactions().useTransaction(() -> {
                store.outbox().append(event(TENANT, "m-1", "k-1", T0));
                try {
                    seen.add(onAnotherThread(() -> store.transactions().isActive()));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
                seen.add(store.transactions().isActive());
            });

            assertThat(seen).containsExactly(false, true);
        }

        @Test
        @DisplayName("false for another store, whose transactions are not this store's")
        void activeOnlyForItsStore() {
            List<Boolean> seen = new ArrayList<>();
            try (CrmStore other = newStore()) {
                store.transactions().useTransaction(() -> {
                    seen.add(other.transactions().isActive());
                    other.transactions().useTransaction(() -> seen.add(store.transactions().isActive()));
                });
                other.transactions().useTransaction(() -> seen.add(store.transactions().isActive()));
            }

            assertThat(seen).containsExactly(false, true, false);
        }
    }

    /** Appends {@code message}, which must be written, and returns it. */
    private OutboxMessage appended(OutboxMessage message) {
        assertThat(store.outbox().append(message)).as("append of %s", message.id()).isTrue();
        return message;
    }

    /** Saves {@code message}, checks that it is returned and stored with {@code version}, and returns it so. */
    private OutboxMessage saved(OutboxMessage message, long version) {
        OutboxMessage saved = store.outbox().save(message);
        assertThat(saved).isEqualTo(message.withVersion(version));
        assertMessage(store.outbox().find(message.tenant(), message.id()), saved);
        return saved;
    }

    private void deliver(OutboxMessage message) {
        store.outbox().save(store.outbox().save(message.claimed(t0PlusMicros(1))).delivered(t0PlusMicros(2)));
    }

    private void giveUp(OutboxMessage message) {
        store.outbox().save(store.outbox().save(message.claimed(t0PlusMicros(1))).failed(AWKWARD, null));
    }

    /** An event created and due some microseconds after {@code T0}. */
    private static OutboxMessage pending(TenantId tenant, String id, long createdMicros, long dueMicros) {
        OutboxMessage created = event(tenant, id, "k-" + id, t0PlusMicros(createdMicros));
        return new OutboxMessage(id, tenant, created.kind(), created.key(), created.topic(), created.recordType(),
                created.recordId(), null, created.actor(), created.createdAt(), created.data(), OutboxStatus.PENDING,
                0, t0PlusMicros(dueMicros), null, null, 0);
    }

    private static OutboxQuery query(OutboxKind kind, OutboxStatus status) {
        return new OutboxQuery(kind, status, null, 1000);
    }

    /** Field by field, and the data in their order too (a map's equality ignores it). */
    private static void assertMessage(Optional<OutboxMessage> found, OutboxMessage expected) {
        assertStored(found, expected);
        assertThat(found.get().data().entrySet()).as("data in their order")
                .containsExactlyElementsOf(expected.data().entrySet());
    }

    /**
     * Checks that {@code OutboxQuery.matches} selects exactly {@code ids} among the {@code stored} messages, and that
     * the store lists those messages, as stored, in the order of {@code ids}.
     */
    private void assertListed(List<OutboxMessage> stored, OutboxQuery query, String... ids) {
        assertThat(stored.stream().filter(query::matches).map(OutboxMessage::id)).as("the reference selection")
                .containsExactlyInAnyOrder(ids);
        List<OutboxMessage> expected = Stream.of(ids)
                .map(id -> stored.stream().filter(m -> m.id().equals(id)).findFirst().orElseThrow())
                .toList();
        List<OutboxMessage> listed = store.outbox().list(TENANT, query);
        assertThat(listed).extracting(OutboxMessage::id).containsExactly(ids);
        assertThat(listed).containsExactlyElementsOf(expected);
    }

    private static String longError() {
        StringBuilder error = new StringBuilder("IllegalStateException: ");
        String unit = "投递失败 'smtp' \"550\" \\ 100% a_b 😀\r\n";
        while (error.length() + unit.length() <= 1000) error.append(unit);
        return error.append("x".repeat(1000 - error.length())).toString();
    }
}
