package dev.kehu.crm.contact;

import dev.kehu.crm.common.Page;
import dev.kehu.crm.common.PageRequest;
import dev.kehu.crm.common.PhoneNumber;
import dev.kehu.crm.common.TenantId;
import dev.kehu.crm.customer.CustomerId;
import java.util.List;
import java.util.Optional;

/** Port: where contacts are kept; takes part in the calling thread's transaction of the same store. */
public interface Contacts {
    Optional<Contact> find(TenantId tenant, ContactId id);

    /**
     * Inserts a contact of version 0, or updates one whose stored version equals {@code contact.version()}.
     *
     * @return the contact as stored, with its new version
     * @throws dev.kehu.crm.common.StaleRecordException when the stored version differs (or the record is gone,
     *         or an insert finds the id taken); nothing is written
     */
    Contact save(Contact contact);

    /**
     * Inserts new contacts, each of version 0, as that many {@link #save}s would, and returns them as stored
     * (version 1), in their order: for a use case that writes many at once (an import); a store writes them in
     * batches.
     *
     * @throws IllegalArgumentException when one of them is not new (its version is not 0); nothing is written
     * @throws dev.kehu.crm.common.StaleRecordException when an id is taken; some of the contacts may have been
     *         written, so the exception must end the transaction, which is rolled back as after any refusal
     */
    default List<Contact> insertAll(List<Contact> contacts) {
        contacts.forEach(Contacts::requireNew);
        return contacts.stream().map(this::save).toList();
    }

    /** For {@link #insertAll}: refuses a contact that is not new. */
    static void requireNew(Contact contact) {
        if (contact.version() != 0) {
            throw new IllegalArgumentException("contact " + contact.id() + " is not new: version " + contact.version());
        }
    }

    /** The contacts of a customer, primary first, then by mnemonic and id. */
    List<Contact> ofCustomer(TenantId tenant, CustomerId customer);

    /** Contacts with this number as work phone, mobile, home phone or fax (the screen-pop, Y3), in no set order. */
    List<Contact> findByPhone(TenantId tenant, PhoneNumber phone);

    /**
     * The contacts of active customers with this number as work phone, mobile, home phone or fax: who may be
     * calling (the call centre's screen-pop, Y3), in no set order. One look-up, with the customer's status, so that
     * a caller is not kept waiting while each contact's customer is read.
     */
    List<Contact> callersByPhone(TenantId tenant, PhoneNumber phone);

    Page<Contact> page(TenantId tenant, ContactQuery query, PageRequest<ContactSort> request);

    // Care reminders (S3)

    /**
     * The tenant's contacts whose birthday falls in {@code window} (as {@link BirthdayWindow#matches} says), by id,
     * after the contact {@code after} (none: from the first), at most {@code limit} (1–1000). Answered from an
     * index on the birthday's month-day, never by reading every contact.
     */
    List<Contact> birthdaysIn(TenantId tenant, BirthdayWindow window, ContactId after, int limit);
}
