package dev.kehu.crm.contact;

import static java.util.Objects.requireNonNull;

import dev.kehu.crm.audit.AuditEntry;
import dev.kehu.crm.common.Page;
import dev.kehu.crm.common.PageRequest;
import dev.kehu.crm.common.RecordNotFoundException;
import dev.kehu.crm.common.StaleRecordException;
import dev.kehu.crm.common.UserId;
import dev.kehu.crm.customer.Customer;
import dev.kehu.crm.customer.CustomerId;
import dev.kehu.crm.customer.CustomerMergeParticipant;
import dev.kehu.crm.customer.Customers;
import dev.kehu.crm.common.Messages;
import dev.kehu.crm.internal.ServiceContext;
import dev.kehu.crm.security.Actor;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The contact use cases (C3, K1): each method is one transaction, audited. At most one contact of a
 * customer is primary: making one primary demotes the other in the same transaction, and advances the
 * customer's version, so that two concurrent changes of the primary contact cannot both commit. Obtain it from
 * {@code Kehu.contacts()}.
 */
public final class ContactService implements CustomerMergeParticipant {
    private final ServiceContext context;
    private final Contacts contacts;
    private final Customers customers;
    private final ContactInput input;

    public ContactService(ServiceContext context, Contacts contacts, Customers customers, ContactInput input) {
        this.context = context;
        this.contacts = contacts;
        this.customers = customers;
        this.input = input;
    }

    public Contact create(Actor actor, ContactDetails details) {
        context.authorize(actor, "contact.create", Contact.RECORD_TYPE, null);
        return context.inTransaction(() -> {
            Instant now = context.now();
            Contact contact = input.check(actor, details,
                    ContactInput.newContact(actor, new ContactId(context.nextId()), now));
            return saveDemotingOthers(actor, null, contact, "contact.create");
        });
    }

    /**
     * Replaces the details of a contact that is still at {@code expectedVersion}; its customer stays.
     *
     * @throws StaleRecordException when someone changed it since; nothing is written
     */
    public Contact update(Actor actor, ContactId id, long expectedVersion, ContactDetails details) {
        return context.inTransaction(() -> {
            Contact current = load(actor, id);
            context.authorize(actor, "contact.update", Contact.RECORD_TYPE, ownerOf(actor, current.customer()));
            if (current.version() != expectedVersion) {
                throw new StaleRecordException(Contact.RECORD_TYPE, id.value(), expectedVersion);
            }
            if (details != null && !current.customer().value().equals(details.customer())) {
                context.validator().check(details, actor.locale())
                        .add("customer", "contact.customer.fixed", details.customer()).throwIfAny();
            }
            Contact changed = input.check(actor, details, current.toBuilder().updatedAt(context.now()));
            return saveDemotingOthers(actor, current, changed, "contact.update");
        });
    }

    /** Makes the contact the primary contact (主联系人) of its customer, demoting the previous one. */
    public Contact makePrimary(Actor actor, ContactId id) {
        return context.inTransaction(() -> {
            Contact current = load(actor, id);
            context.authorize(actor, "contact.update", Contact.RECORD_TYPE, ownerOf(actor, current.customer()));
            if (current.primary()) return current;
            return saveDemotingOthers(actor, current, current.makePrimary(true, context.now()), "contact.make-primary");
        });
    }

    /** The contact; the access policy is asked with its customer's owner. */
    public Optional<Contact> find(Actor actor, ContactId id) {
        requireNonNull(id, "id");
        Optional<Contact> found = contacts.find(actor.tenant(), id);
        context.authorize(actor, "contact.read", Contact.RECORD_TYPE,
                found.map(c -> ownerOf(actor, c.customer())).orElse(null));
        return found;
    }

    public Contact get(Actor actor, ContactId id) {
        return find(actor, id).orElseThrow(() -> notFound(actor, id));
    }

    /** The contacts of a customer, the primary one first. */
    public List<Contact> ofCustomer(Actor actor, CustomerId customer) {
        requireNonNull(customer, "customer");
        context.authorize(actor, "contact.read", Contact.RECORD_TYPE, ownerOf(actor, customer));
        return contacts.ofCustomer(actor.tenant(), customer);
    }

    public Page<Contact> find(Actor actor, ContactQuery query, PageRequest<ContactSort> page) {
        requireNonNull(query, "query");
        requireNonNull(page, "page");
        context.authorize(actor, "contact.read", Contact.RECORD_TYPE, null);
        return contacts.page(actor.tenant(), query, page);
    }

    /** Contacts with this number as work phone, mobile, home phone or fax, however it is written (Y3). */
    public List<Contact> findByPhone(Actor actor, String phone) {
        context.authorize(actor, "contact.read", Contact.RECORD_TYPE, null);
        return context.phone(phone).map(p -> contacts.findByPhone(actor.tenant(), p)).orElse(List.of());
    }

    /** The audit trail of the contact, oldest first (Y2). */
    public List<AuditEntry> history(Actor actor, ContactId id) {
        get(actor, id); // the same access as reading the contact
        return context.auditLog().forRecords(actor.tenant(), Contact.RECORD_TYPE, List.of(id.value()));
    }

    /** Moves the duplicate's contacts to the survivor; the survivor's primary contact stays the only one. */
    @Override
    public void moveRecords(Actor actor, Customer duplicate, Customer survivor) {
        context.useTransaction(() -> moveContacts(actor, duplicate, survivor));
    }

    private void moveContacts(Actor actor, Customer duplicate, Customer survivor) {
        boolean survivorHasPrimary = contacts.ofCustomer(actor.tenant(), survivor.id()).stream().anyMatch(Contact::primary);
        Instant now = context.now();
        for (Contact contact : contacts.ofCustomer(actor.tenant(), duplicate.id())) {
            boolean primary = contact.primary() && !survivorHasPrimary;
            survivorHasPrimary |= primary;
            Contact moved = contacts.save(contact.moveTo(survivor.id(), primary, now));
            context.audit(actor, Contact.RECORD_TYPE, contact.id().value(), "contact.move", contact, moved);
        }
    }

    private Contact saveDemotingOthers(Actor actor, Contact before, Contact after, String action) {
        Instant now = context.now();
        Customer customer = customers.find(actor.tenant(), after.customer())
                .orElseThrow(() -> new IllegalStateException("contact " + after.id() + " has no customer"));
        context.authorize(actor, action, Contact.RECORD_TYPE, customer.owner());
        // A customer's version covers its contacts. Two transactions naming different primary contacts, or a
        // contact added while its customer is merged away, touch different rows and would not see each other;
        // saving the customer unchanged makes the later of the two stale instead.
        customers.save(customer);
        if (after.primary() && (before == null || !before.primary())) {
            for (Contact other : contacts.ofCustomer(actor.tenant(), after.customer())) {
                if (other.primary() && !other.id().equals(after.id())) {
                    Contact demoted = contacts.save(other.makePrimary(false, now));
                    context.audit(actor, Contact.RECORD_TYPE, other.id().value(), "contact.demote", other, demoted);
                }
            }
        }
        Contact saved = contacts.save(after);
        context.audit(actor, Contact.RECORD_TYPE, saved.id().value(), action, before, saved);
        return saved;
    }

    private UserId ownerOf(Actor actor, CustomerId customer) {
        return customers.find(actor.tenant(), customer).map(Customer::owner).orElse(null);
    }

    private Contact load(Actor actor, ContactId id) {
        requireNonNull(id, "id");
        return contacts.find(actor.tenant(), id).orElseThrow(() -> notFound(actor, id));
    }

    private RecordNotFoundException notFound(Actor actor, ContactId id) {
        return new RecordNotFoundException(Contact.RECORD_TYPE, id.value(),
                Messages.get(actor.locale(), "contact.not-found", id.value()));
    }
}
