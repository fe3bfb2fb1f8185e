/**
 * Where Kehu keeps its records: how a store is discovered and opened ({@link dev.kehu.crm.store.CrmStores},
 * {@link dev.kehu.crm.store.CrmStoreProvider}) and the reference in-memory store
 * ({@link dev.kehu.crm.store.InMemoryCrmStore}).
 *
 * <h2>What every store does</h2>
 * A store implements {@link dev.kehu.crm.CrmStore} and its ports with exactly these semantics; the
 * compatibility kits ({@code dev.kehu.crm.store.tck.CrmStoreCompatibilityKit},
 * {@code SalesStoreCompatibilityKit} and {@code OutboxStoreCompatibilityKit} in this module's test-jar) check each
 * of them.
 * <ul>
 * <li><b>Records round-trip.</b> A store gives back exactly what it was given, field by field: text of any
 *     script (Chinese, emoji, quotes, backslashes, {@code %}, {@code _}, line breaks), {@code null} optional
 *     fields as {@code null}, address parts, tags, organisation units, quote lines and plan steps in their order,
 *     phone numbers, dates, times of day to the second, and instants to at least microsecond precision (finer
 *     digits may be dropped). Money keeps its currency and exact amount: up to 15 integer digits in the
 *     currency's minor units; quote quantities up to 15 integer digits and 4 decimals, discounts 3 and 2.</li>
 * <li><b>Versions.</b> {@code save} (of customers, contacts, leads, opportunities, quotes, development plans
 *     and activities) inserts a record of version 0 and updates one whose stored version equals the given
 *     version; either way it returns the record with version + 1. An insert whose id is taken, or an update
 *     whose version is not the stored one (or whose record does not exist), throws
 *     {@link dev.kehu.crm.common.StaleRecordException} naming the record and the version given, and writes
 *     nothing. A quote's lines and a plan's steps are saved with it: an update replaces them all.
 *     {@code RoundRobinPositions.save} does the same with the version it is given, per tenant and team.</li>
 * <li><b>Stage history</b> is append-only: {@code Opportunities.append} of a line whose sequence number the
 *     opportunity already has throws {@code StaleRecordException} and writes nothing. <b>Attached records</b>
 *     are written once: {@code attach} with a taken id throws
 *     {@link dev.kehu.crm.common.DuplicateRecordException} and writes nothing; {@code detach} says whether it
 *     removed one.</li>
 * <li><b>Customer numbers</b> are unique per tenant, whatever the customer's status, compared exactly (letter
 *     case matters); a save that would repeat one throws {@link dev.kehu.crm.common.DuplicateRecordException}
 *     and writes nothing. Customers without a number never clash. The version is checked first.</li>
 * <li><b>Outbox.</b> {@link dev.kehu.crm.outbox.Outbox#append} writes a message of version 0 and returns
 *     {@code true}, unless its tenant has a message with the same idempotency key (compared exactly, whatever its
 *     status): then it returns {@code false}, writes nothing, and the transaction goes on and commits its other
 *     writes; concurrent appends of one key give one {@code true} and {@code false} for the others. An append
 *     whose key is free but whose id is taken throws {@link dev.kehu.crm.common.DuplicateRecordException} and
 *     writes nothing.
 *     {@code save} is version-checked like the saves above, but only updates: a message never appended is
 *     stale too. {@code saveAll} saves many as that many saves would, all or none: a stale one among them throws
 *     {@link dev.kehu.crm.common.StaleRecordException} naming it, and the transaction, rolled back, keeps none of
 *     the batch; a store on a database sends one batch, and checks each update's count. Messages round-trip field by field, {@code data} in its entry order with its {@code null}
 *     values. {@code due} lists the pending messages of every tenant whose next attempt has come, by next
 *     attempt, creation time and id; {@code list} a tenant's messages as
 *     {@link dev.kehu.crm.outbox.OutboxQuery#matches} selects them, by creation time and id, from after the
 *     message {@code after} names (whether or not it still matches).</li>
 * <li><b>Batch writes.</b> {@code Customers.insertAll}, {@code Contacts.insertAll}, {@code AuditLog.appendAll} and
 *     {@code Outbox.appendAll} store many new records at once exactly as that many saves and appends would
 *     (version 1, every field, the order of audit entries); {@code Customers.idsByNumber} finds the holders of many
 *     numbers in one look-up. A taken id is stale, a taken number or outbox key a
 *     {@link dev.kehu.crm.common.DuplicateRecordException} (also a number or key twice in the batch, and a number
 *     a concurrent transaction inserts: the later waits and is refused); after such a refusal the transaction is
 *     rolled back, so nothing of the batch may stay. The ports' default methods do it one record at a time; a
 *     store on a database batches the statements.</li>
 * <li><b>Care reminders.</b> {@link dev.kehu.crm.care.Reminders#add} stores a reminder and returns {@code true},
 *     unless its tenant has one with the same key: then {@code false}, nothing written, and the transaction goes
 *     on, as the outbox's append. The care queries ({@code Contacts.birthdaysIn}, {@code DevelopmentPlans
 *     .overdueSteps}, {@code Activities.overdue}, {@code Opportunities.openUnchangedSince} and
 *     {@code openExpectedBefore}) page by keyset after the given row, at most {@code limit} (1–1000), each
 *     answered from an index; {@code CareStoreCompatibilityKit} checks them.</li>
 * <li><b>Contracts and orders.</b> {@link dev.kehu.crm.contract.Contracts} and {@link dev.kehu.crm.order.SalesOrders}
 *     save like the records above; their numbers are unique per tenant ({@code DuplicateRecordException}); a
 *     contract's history is append-only like the stage history, refused by a unique key also between concurrent
 *     transactions. Every order save writes the customer's last purchase in the same transaction, version-checked,
 *     so that dormant customers are a range of one index; pages read on after a named record (see the port's
 *     javadoc and {@code ContractStoreCompatibilityKit}).</li>
 * <li><b>Tenants.</b> Every read sees only the records of the tenant asked for; a record cannot be updated
 *     through another tenant (that is a stale update). Ids are unique across tenants (see
 *     {@link dev.kehu.crm.common.IdGenerator}), so a store may key records on the id alone; round-robin
 *     positions are kept per tenant and team.</li>
 * <li><b>Queries</b> match exactly as the {@code matches} method of {@link dev.kehu.crm.customer.CustomerQuery},
 *     {@link dev.kehu.crm.contact.ContactQuery}, {@link dev.kehu.crm.lead.LeadQuery},
 *     {@link dev.kehu.crm.opportunity.OpportunityQuery} and {@link dev.kehu.crm.activity.ActivityQuery} says:
 *     {@code %}, {@code _} and {@code \} in the text are literal; {@code Customers.findByPhone} finds active
 *     customers by phone or fax, {@code Contacts.findByPhone} finds contacts by work phone, mobile, home phone
 *     or fax, and {@code Contacts.callersByPhone} those of them whose customer is active. {@code Opportunities.totals} returns exactly {@link dev.kehu.crm.opportunity.OpportunityTotals#of}
 *     over the opportunities its query matches, without loading them.</li>
 * <li><b>Order.</b> Text is compared by Unicode code point (a binary collation: {@code "B10" < "B9" < "a1"}).
 *     Pages are sorted as {@link dev.kehu.crm.customer.CustomerSort} and {@link dev.kehu.crm.contact.ContactSort}
 *     say, ties broken by id; descending is the exact reverse of ascending, ties included, so customers without
 *     a number come last ascending and first descending. A page past the end is empty and still reports the
 *     total. {@code Contacts.ofCustomer} lists the primary contact first, then by mnemonic, then by id;
 *     {@code AuditLog.forRecords} lists the oldest entry first, entries of the same instant in the order they
 *     were appended. Leads, opportunities and development plans are listed by id; a stage history by sequence
 *     number; attached records oldest first, then by id; quotes by date, then id; activities by due time, then
 *     id. Other lists come in no promised order.</li>
 * <li><b>Transactions.</b> Work in {@link dev.kehu.crm.common.Transactions#inTransaction} sees its own writes;
 *     other threads see them only after it returns. An exception rolls back everything written in it (records
 *     saved, history lines appended, records attached or detached, positions moved, outbox messages appended or
 *     saved) and reaches the caller unchanged. A nested call joins the transaction already open on its thread:
 *     it neither commits nor rolls back, the outermost call does; {@code isActive} is true inside it, and false
 *     outside any transaction, on other threads and for other stores. Outside a transaction each call is a transaction of its own. A transaction
 *     belongs to its thread: work must not hand writes to other threads. Concurrent updates of one record never
 *     overwrite each other silently: all but one fail with {@code StaleRecordException}.</li>
 * </ul>
 * What the kits do not fix is left to the store: whether a record must refer to an existing customer, contact,
 * opportunity or earlier quote revision (the kits save those first), whether a transaction can go on after
 * one of its calls failed (catching the exception and committing), and what {@code Outbox.list} returns after
 * an id the tenant does not have (the in-memory store lists nothing).
 */
package dev.kehu.crm.store;
