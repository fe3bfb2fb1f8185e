package dev.kehu.crm.contact;

import dev.kehu.crm.common.Gender;
import dev.kehu.crm.common.Mnemonic;
import dev.kehu.crm.common.PhoneNumber;
import dev.kehu.crm.customer.Customer;
import dev.kehu.crm.customer.CustomerChecks;
import dev.kehu.crm.customer.CustomerId;
import dev.kehu.crm.customer.Customers;
import dev.kehu.crm.customer.OrgUnitId;
import dev.kehu.crm.internal.InputValidator.Problems;
import dev.kehu.crm.internal.ServiceContext;
import dev.kehu.crm.internal.Text;
import dev.kehu.crm.security.Actor;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

/**
 * Contact details made into a contact: every check of the input and of the data it names, then the normalisation
 * (name stripped, pinyin mnemonic, phone numbers in E.164, e-mail in lower case). The contact use cases and the
 * import share it, so a contact is stored the same however it came in.
 */
public final class ContactInput {
    private static final LocalDate EARLIEST_BIRTHDAY = LocalDate.of(1900, 1, 1);

    private final ServiceContext context;
    private final Customers customers;

    public ContactInput(ServiceContext context, Customers customers) {
        this.context = context;
        this.customers = customers;
    }

    /** A new contact of the actor's tenant, made at {@code now}. */
    public static Contact.Builder newContact(Actor actor, ContactId id, Instant now) {
        return Contact.builder().id(id).tenant(actor.tenant()).createdAt(now).updatedAt(now);
    }

    /**
     * Checks {@code details}, whose customer must be stored and active, completely, then copies them onto
     * {@code target}; throws one {@link dev.kehu.crm.common.InvalidInputException} with every problem.
     */
    public Contact check(Actor actor, ContactDetails details, Contact.Builder target) {
        Problems problems = context.validator().check(details, actor.locale());
        if (details == null) problems.throwIfAny();
        // Checks against stored data run when their own fields are well-formed, so one exception lists every problem.
        Optional<Customer> customer = CustomerChecks.activeCustomer(customers, problems, actor.tenant(), "customer",
                details.customer());
        return complete(problems, details, customer, target);
    }

    /**
     * As {@link #check(Actor, ContactDetails, Contact.Builder)}, for a contact of a customer that is being created
     * with it and is not stored yet (an imported row): {@code details} name its id, and {@code customer} is the
     * customer as checked, or empty when its own details were refused (its organisation is then unknown).
     */
    public Contact checkForNewCustomer(Actor actor, ContactDetails details, Optional<Customer> customer,
                                       Contact.Builder target) {
        Problems problems = context.validator().check(details, actor.locale());
        if (details == null) problems.throwIfAny();
        return complete(problems, details, customer, target);
    }

    private Contact complete(Problems problems, ContactDetails details, Optional<Customer> customer,
                             Contact.Builder target) {
        OrgUnitId orgUnit = problems.has("orgUnit") || Text.blankToNull(details.orgUnit()) == null ? null
                : new OrgUnitId(details.orgUnit());
        if (orgUnit != null && customer.isPresent() && !customer.get().hasOrgUnit(orgUnit)) {
            problems.add("orgUnit", "org-unit.not-found", details.orgUnit(), details.orgUnit());
        }
        PhoneNumber workPhone = context.phone(problems, "workPhone", details.workPhone());
        PhoneNumber fax = context.phone(problems, "fax", details.fax());
        PhoneNumber mobile = context.phone(problems, "mobile", details.mobile());
        PhoneNumber homePhone = context.phone(problems, "homePhone", details.homePhone());
        LocalDate today = LocalDate.ofInstant(context.now(), context.clock().getZone());
        if (details.birthday() != null
                && (details.birthday().isBefore(EARLIEST_BIRTHDAY) || details.birthday().isAfter(today))) {
            problems.add("birthday", "birthday.range", details.birthday());
        }
        problems.throwIfAny();

        String name = details.name().strip();
        return target.customer(new CustomerId(details.customer())).name(name).mnemonic(Mnemonic.of(name))
                .gender(details.gender() == null ? null : Gender.valueOf(details.gender()))
                .category(details.category() == null ? ContactCategory.ORDINARY : ContactCategory.valueOf(details.category()))
                .responsibility(Text.blankToNull(details.responsibility()))
                .salutation(Text.blankToNull(details.salutation()))
                .primary(details.primary())
                .department(Text.blankToNull(details.department()))
                .position(Text.blankToNull(details.position()))
                .orgUnit(orgUnit)
                .workPhone(workPhone).fax(fax).mobile(mobile).homePhone(homePhone)
                .email(Text.email(details.email()))
                .messenger(Text.blankToNull(details.messenger()))
                .homeAddress(Text.blankToNull(details.homeAddress()))
                .birthday(details.birthday())
                .hobbies(Text.blankToNull(details.hobbies()))
                .notes(Text.blankToNull(details.notes()))
                .build();
    }
}
