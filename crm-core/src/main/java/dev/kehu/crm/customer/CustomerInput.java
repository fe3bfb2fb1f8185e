package dev.kehu.crm.customer;

import dev.kehu.crm.common.Address;
import dev.kehu.crm.common.Gender;
import dev.kehu.crm.common.Mnemonic;
import dev.kehu.crm.common.PhoneNumber;
import dev.kehu.crm.common.ReferenceData;
import dev.kehu.crm.internal.InputValidator.Problems;
import dev.kehu.crm.internal.ServiceContext;
import dev.kehu.crm.internal.Text;
import dev.kehu.crm.security.Actor;
import java.time.Instant;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Customer details made into a customer: every check of the input and of the data it names, then the
 * normalisation (name stripped, pinyin mnemonic, phone numbers in E.164, e-mail in lower case, the requirements'
 * defaults). The customer use cases and the import share it, so a customer is stored the same however it came in.
 */
public final class CustomerInput {
    /** How far up the parent chain the cycle check walks; deeper chains are refused. */
    static final int MAX_PARENT_DEPTH = 100;

    private final ServiceContext context;
    private final Customers customers;

    public CustomerInput(ServiceContext context, Customers customers) {
        this.context = context;
        this.customers = customers;
    }

    /** A new customer of the actor's tenant, owned by the actor (their account manager), made at {@code now}. */
    public static Customer.Builder newCustomer(Actor actor, CustomerId id, Instant now) {
        return Customer.builder().id(id).tenant(actor.tenant()).owner(actor.user()).createdAt(now).updatedAt(now);
    }

    /**
     * Checks {@code details} completely, then copies them onto {@code target}; throws one
     * {@link dev.kehu.crm.common.InvalidInputException} with every problem. Nothing is written.
     *
     * @param self             the id of the customer the details are for (new or stored)
     * @param numberMustBeFree whether a number another customer holds is one of the problems (a look-up); an import
     *                         looks up the numbers of many rows at once instead, and skips the rows whose number is
     *                         taken
     */
    public Customer check(Actor actor, CustomerDetails details, Customer.Builder target, CustomerId self,
                          boolean numberMustBeFree) {
        Problems problems = context.validator().check(details, actor.locale());
        if (details == null) problems.throwIfAny();
        // The checks below look at data and configuration; each runs when its own fields are well-formed,
        // so that one exception lists every problem of the input.
        if (!problems.has("type") && !problems.has("gender") && !problems.has("staffSize")) {
            CustomerType type = CustomerType.valueOf(details.type());
            if (type == CustomerType.COMPANY && details.gender() != null) {
                problems.add("gender", "customer.gender.company", details.gender());
            }
            if (type == CustomerType.INDIVIDUAL && details.staffSize() != null) {
                problems.add("staffSize", "customer.staff-size.individual", details.staffSize());
            }
        }
        String industry = context.referenceCode(problems, "industry", details.industry(), ReferenceData.INDUSTRY);
        String source = context.referenceCode(problems, "source", details.source(), ReferenceData.CUSTOMER_SOURCE);
        PhoneNumber phone = context.phone(problems, "phone", details.phone());
        PhoneNumber fax = context.phone(problems, "fax", details.fax());
        String number = Text.blankToNull(details.number());
        if (numberMustBeFree && number != null && !problems.has("number")) {
            customers.findByNumber(actor.tenant(), number).filter(other -> !other.id().equals(self))
                    .ifPresent(other -> problems.add("number", "customer.number.taken", number, number, other.name()));
        }
        CustomerId parent = problems.has("parent") ? null : parent(actor, problems, details.parent(), self);
        problems.throwIfAny();

        String name = details.name().strip();
        String mnemonic = Text.blankToNull(details.mnemonic());
        return target.type(CustomerType.valueOf(details.type())).name(name)
                .mnemonic(mnemonic == null ? Mnemonic.of(name) : mnemonic)
                .number(number)
                .gender(details.gender() == null ? null : Gender.valueOf(details.gender()))
                .valueRating(orDefault(details.valueRating(), Rating.class, Rating.MEDIUM))
                .creditRating(orDefault(details.creditRating(), Rating.class, Rating.MEDIUM))
                .category(orDefault(details.category(), CustomerCategory.class, CustomerCategory.POTENTIAL))
                .industry(industry)
                .relationship(orDefault(details.relationship(), RelationshipLevel.class, RelationshipLevel.FAIR))
                .staffSize(details.staffSize())
                .source(source)
                .lifecycleStage(orDefault(details.lifecycleStage(), LifecycleStage.class, LifecycleStage.PRE_SALES))
                .parent(parent)
                .address(new Address(Text.blankToNull(details.countryOrRegion()), Text.blankToNull(details.province()),
                        Text.blankToNull(details.city()), Text.blankToNull(details.postcode()), Text.blankToNull(details.address())))
                .phone(phone).fax(fax)
                .email(Text.email(details.email()))
                .website(Text.blankToNull(details.website()))
                .notes(Text.blankToNull(details.notes()))
                .tags(details.tags().stream().map(String::strip).collect(Collectors.toSet()))
                .build();
    }

    private CustomerId parent(Actor actor, Problems problems, String text, CustomerId self) {
        String value = Text.blankToNull(text);
        if (value == null) return null;
        CustomerId parent = new CustomerId(value);
        Optional<Customer> found = customers.find(actor.tenant(), parent);
        if (found.isEmpty()) {
            problems.add("parent", "customer.not-found", value, value);
        } else if (!found.get().isActive()) {
            problems.add("parent", "customer.parent.closed", value);
        } else if (createsCycle(actor, self, parent)) {
            problems.add("parent", "customer.parent.cycle", value);
        }
        return parent;
    }

    /**
     * Guards the parent of a checked customer when it is new to it (the customer is being created, or had another
     * parent): two transactions giving A the parent B and B the parent A each see no cycle, and touch different rows.
     * Saving the parent and every ancestor unchanged advances their versions, so that one of the two is stale
     * instead. Only a new parent can close a cycle.
     */
    public void guardNewParent(Actor actor, Customer customer) {
        CustomerId parent = customer.parent();
        if (parent == null || customers.find(actor.tenant(), customer.id()).map(Customer::parent)
                .filter(parent::equals).isPresent()) {
            return;
        }
        Set<CustomerId> seen = new HashSet<>();
        for (CustomerId current = parent; current != null && seen.add(current); ) {
            Optional<Customer> ancestor = customers.find(actor.tenant(), current);
            ancestor.ifPresent(customers::save);
            current = ancestor.map(Customer::parent).orElse(null);
        }
    }

    /** Whether making {@code parent} the parent of {@code child} would make {@code child} its own ancestor. */
    boolean createsCycle(Actor actor, CustomerId child, CustomerId parent) {
        Set<CustomerId> seen = new HashSet<>();
        CustomerId current = parent;
        for (int depth = 0; current != null; depth++) {
            if (current.equals(child) || !seen.add(current) || depth >= MAX_PARENT_DEPTH) return true;
            current = customers.find(actor.tenant(), current).map(Customer::parent).orElse(null);
        }
        return false;
    }

    private static <E extends Enum<E>> E orDefault(String code, Class<E> type, E fallback) {
        return code == null ? fallback : Enum.valueOf(type, code);
    }
}
