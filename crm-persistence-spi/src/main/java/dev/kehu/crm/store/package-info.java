/**
 * Where Kehu keeps its records: how a store is discovered and opened ({@link dev.kehu.crm.store.CrmStores},
 * {@link dev.kehu.crm.store.CrmStoreProvider}) and the reference in-memory store
 * ({@link dev.kehu.crm.store.InMemoryCrmStore}).
 *
 * <h2>What every store does</h2>
 * A store implements {@link dev.kehu.crm.CrmStore} and its ports with exactly these semantics; the
 * compatibility kit ({@code dev.kehu.crm.store.tck.CrmStoreCompatibilityKit} in this module's test-jar) checks
 * each of them.
 * <ul>
 * <li><b>Records round-trip.</b> A store gives back exactly what it was given, field by field: text of any
 *     script (Chinese, emoji, quotes, backslashes, {@code %}, {@code _}, line breaks), {@code null} optional
 *     fields as {@code null}, address parts, tags, organisation units in their order, phone numbers, dates,
 *     and instants to at least microsecond precision (finer digits may be dropped).</li>
 * <li><b>Versions.</b> {@code save} inserts a record of version 0 and updates one whose stored version equals
 *     the given version; either way it returns the record with version + 1. An insert whose id is taken, or an
 *     update whose version is not the stored one (or whose record does not exist), throws
 *     {@link dev.kehu.crm.common.StaleRecordException} naming the record and the version given, and writes
 *     nothing.</li>
 * <li><b>Customer numbers</b> are unique per tenant, whatever the customer's status, compared exactly (letter
 *     case matters); a save that would repeat one throws {@link dev.kehu.crm.common.DuplicateRecordException}
 *     and writes nothing. Customers without a number never clash. The version is checked first.</li>
 * <li><b>Tenants.</b> Every read sees only the records of the tenant asked for; a record cannot be updated
 *     through another tenant (that is a stale update). Ids are unique across tenants (see
 *     {@link dev.kehu.crm.common.IdGenerator}), so a store may key records on the id alone.</li>
 * <li><b>Queries</b> match exactly as {@link dev.kehu.crm.customer.CustomerQuery#matches} and
 *     {@link dev.kehu.crm.contact.ContactQuery#matches} say: {@code %}, {@code _} and {@code \} in the text are
 *     literal; {@code Customers.findByPhone} finds active customers by phone or fax, {@code Contacts.findByPhone}
 *     finds contacts by work phone, mobile, home phone or fax.</li>
 * <li><b>Order.</b> Text is compared by Unicode code point (a binary collation: {@code "B10" < "B9" < "a1"}).
 *     Pages are sorted as {@link dev.kehu.crm.customer.CustomerSort} and {@link dev.kehu.crm.contact.ContactSort}
 *     say, ties broken by id; descending is the exact reverse of ascending, ties included, so customers without
 *     a number come last ascending and first descending. A page past the end is empty and still reports the
 *     total. {@code Contacts.ofCustomer} lists the primary contact first, then by mnemonic, then by id;
 *     {@code AuditLog.forRecords} lists the oldest entry first, entries of the same instant in the order they
 *     were appended. Other lists come in no promised order.</li>
 * <li><b>Transactions.</b> Work in {@link dev.kehu.crm.common.Transactions#inTransaction} sees its own writes;
 *     other threads see them only after it returns. An exception rolls back every customer, contact and audit
 *     entry written in it and reaches the caller unchanged. A nested call joins the transaction already open on
 *     its thread: it neither commits nor rolls back, the outermost call does. Outside a transaction each call
 *     is a transaction of its own. A transaction belongs to its thread: work must not hand writes to other
 *     threads. Concurrent updates of one record never overwrite each other silently: all but one fail with
 *     {@code StaleRecordException}.</li>
 * </ul>
 * What the kit does not fix is left to the store: whether a record must refer to an existing customer, and
 * whether a transaction can go on after one of its calls failed (catching the exception and committing).
 */
package dev.kehu.crm.store;
