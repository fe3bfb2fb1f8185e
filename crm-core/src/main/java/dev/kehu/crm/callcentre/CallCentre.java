package dev.kehu.crm.callcentre;

import dev.kehu.crm.common.PhoneNumber;
import dev.kehu.crm.contact.Contact;
import dev.kehu.crm.contact.Contacts;
import dev.kehu.crm.customer.Customer;
import dev.kehu.crm.customer.Customers;
import dev.kehu.crm.internal.ServiceContext;
import dev.kehu.crm.security.Actor;
import java.util.List;
import java.util.Optional;

/** The call-centre interface (Y3): screen-pop of the caller by phone number. Obtain it from {@code Kehu.callCentre()}. */
public final class CallCentre {
    private final ServiceContext context;
    private final Customers customers;
    private final Contacts contacts;

    public CallCentre(ServiceContext context, Customers customers, Contacts contacts) {
        this.context = context;
        this.customers = customers;
        this.contacts = contacts;
    }

    /**
     * Looks a caller up by a number written in any form ({@code 010-6512 3456}, {@code +86 10 6512 3456},
     * {@code 8610 65123456}…), among active customers and their contacts, in one transaction: one look-up of the
     * customers and one of the contacts of active customers, each answered from the indexes of the phone columns.
     */
    public Callers findByPhone(Actor actor, String number) {
        context.authorize(actor, "customer.read", Customer.RECORD_TYPE, null);
        context.authorize(actor, "contact.read", Contact.RECORD_TYPE, null);
        Optional<PhoneNumber> phone = context.phone(number);
        if (phone.isEmpty()) return new Callers(null, List.of(), List.of());
        return context.inTransaction(() -> new Callers(phone.get(),
                customers.findByPhone(actor.tenant(), phone.get()),
                contacts.callersByPhone(actor.tenant(), phone.get())));
    }
}
