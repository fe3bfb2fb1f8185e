package dev.kehu.crm;

import static java.util.Objects.requireNonNull;

import dev.kehu.crm.callcentre.CallCentre;
import dev.kehu.crm.common.IdGenerator;
import dev.kehu.crm.common.PhoneNumber;
import dev.kehu.crm.common.ReferenceData;
import dev.kehu.crm.contact.ContactService;
import dev.kehu.crm.customer.CustomerService;
import dev.kehu.crm.internal.InputValidator;
import dev.kehu.crm.internal.ServiceContext;
import dev.kehu.crm.internal.TimeOrderedIds;
import dev.kehu.crm.security.AccessPolicy;
import java.time.Clock;
import java.util.List;

/**
 * The entry point: a host builds one Kehu per store and keeps it for the life of the application.
 * Every use case is a method of one of its services, taking the {@link dev.kehu.crm.security.Actor}
 * who acts. Instances share nothing: two Kehu with different stores live side by side in one JVM.
 *
 * <pre>{@code
 * Kehu kehu = Kehu.builder().store(store).clock(Clock.systemUTC()).build();
 * Customer c = kehu.customers().create(actor, CustomerDetails.company("北京华夏科技有限公司").build());
 * }</pre>
 */
public final class Kehu implements AutoCloseable {
    private final CrmStore store;
    private final ServiceContext context;
    private final CustomerService customers;
    private final ContactService contacts;
    private final CallCentre callCentre;

    private Kehu(Builder builder) {
        store = requireNonNull(builder.store, "a Kehu needs a store: Kehu.builder().store(...)");
        Clock clock = builder.clock;
        IdGenerator ids = builder.ids != null ? builder.ids : new TimeOrderedIds(clock);
        context = new ServiceContext(store.transactions(), store.auditLog(), clock, ids, builder.accessPolicy,
                new InputValidator(), builder.referenceData, builder.phoneRegion);
        contacts = new ContactService(context, store.contacts(), store.customers());
        customers = new CustomerService(context, store.customers(), List.of(contacts));
        callCentre = new CallCentre(context, store.customers(), store.contacts());
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Customers: create, update, change owner, deactivate, merge, organisation, find, search, history. */
    public CustomerService customers() {
        return customers;
    }

    /** Contacts of customers: create, update, primary contact, find, search, history. */
    public ContactService contacts() {
        return contacts;
    }

    /** Caller look-up by phone number for call-centre integration. */
    public CallCentre callCentre() {
        return callCentre;
    }

    /** The configurable lists in force (industries, sources…), with their labels. */
    public ReferenceData referenceData() {
        return context.referenceData();
    }

    /** Releases what Kehu holds itself; the store stays open, as the host owns it. */
    @Override
    public void close() {
        context.validator().close();
    }

    public static final class Builder {
        private CrmStore store;
        private Clock clock = Clock.systemUTC();
        private IdGenerator ids;
        private AccessPolicy accessPolicy = AccessPolicy.permitAll();
        private ReferenceData referenceData = ReferenceData.defaults();
        private String phoneRegion = PhoneNumber.CHINA;

        private Builder() {
        }

        /** Where records are kept (required). */
        public Builder store(CrmStore value) { store = requireNonNull(value); return this; }

        /** The time of every record and audit entry; {@code Clock.systemUTC()} by default. */
        public Builder clock(Clock value) { clock = requireNonNull(value); return this; }

        /** New record ids; time-ordered UUIDs by default. */
        public Builder idGenerator(IdGenerator value) { ids = requireNonNull(value); return this; }

        /** Who may do what (Y1); everything within the actor's tenant by default. */
        public Builder accessPolicy(AccessPolicy value) { accessPolicy = requireNonNull(value); return this; }

        /** The configurable lists; {@link ReferenceData#defaults()} by default. */
        public Builder referenceData(ReferenceData value) { referenceData = requireNonNull(value); return this; }

        /** The region of phone numbers written without a country code (ISO 3166, {@code CN} by default). */
        public Builder defaultPhoneRegion(String value) {
            if (!PhoneNumber.isSupportedRegion(value)) {
                throw new IllegalArgumentException("not a supported phone region: " + value);
            }
            phoneRegion = value;
            return this;
        }

        public Kehu build() {
            return new Kehu(this);
        }
    }
}
