package dev.kehu.crm.customer;

import static java.util.Objects.requireNonNull;

import dev.kehu.crm.audit.AuditEntry;
import dev.kehu.crm.common.BusinessRuleException;
import dev.kehu.crm.common.Page;
import dev.kehu.crm.common.PageRequest;
import dev.kehu.crm.common.PhoneNumber;
import dev.kehu.crm.common.RecordNotFoundException;
import dev.kehu.crm.common.StaleRecordException;
import dev.kehu.crm.common.UserId;
import dev.kehu.crm.common.validation.PlainText;
import dev.kehu.crm.internal.InputValidator.Problems;
import dev.kehu.crm.common.Messages;
import dev.kehu.crm.internal.ServiceContext;
import dev.kehu.crm.internal.Text;
import dev.kehu.crm.security.Actor;
import dev.kehu.crm.common.validation.HasText;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * The customer use cases (C1–C5, C7 search, Y2 audit). Each method is one transaction: the customer,
 * the records that move with it and the audit entries commit together or not at all. Obtain it from
 * {@code Kehu.customers()}.
 */
public final class CustomerService {
    private final ServiceContext context;
    private final Customers customers;
    private final CustomerInput input;
    private final List<CustomerMergeParticipant> mergeParticipants;

    public CustomerService(ServiceContext context, Customers customers, CustomerInput input,
                           List<CustomerMergeParticipant> mergeParticipants) {
        this.context = context;
        this.customers = customers;
        this.input = input;
        this.mergeParticipants = List.copyOf(mergeParticipants);
    }

    /** Creates a customer owned by the actor (their account manager until {@link #changeOwner}). */
    public Customer create(Actor actor, CustomerDetails details) {
        context.authorize(actor, "customer.create", Customer.RECORD_TYPE, null);
        return context.inTransaction(() -> {
            Instant now = context.now();
            CustomerId id = new CustomerId(context.nextId());
            Customer customer = apply(actor, details, CustomerInput.newCustomer(actor, id, now), id);
            Customer saved = customers.save(customer);
            context.audit(actor, Customer.RECORD_TYPE, id.value(), "customer.create", null, saved);
            return saved;
        });
    }

    /**
     * Replaces the details of a customer that is still at {@code expectedVersion}.
     *
     * @throws StaleRecordException when someone changed it since; nothing is written
     */
    public Customer update(Actor actor, CustomerId id, long expectedVersion, CustomerDetails details) {
        return change(actor, id, "customer.update", current -> {
            if (current.version() != expectedVersion) {
                throw new StaleRecordException(Customer.RECORD_TYPE, id.value(), expectedVersion);
            }
            return apply(actor, details, current.toBuilder().updatedAt(context.now()), id);
        });
    }

    /** Makes {@code newOwner} the account manager of the customer (C5). */
    public Customer changeOwner(Actor actor, CustomerId id, UserId newOwner) {
        if (newOwner == null) {
            context.rejectInput(actor.locale(), "owner", "input.required", null);
        }
        return change(actor, id, "customer.change-owner", current -> current.changeOwner(newOwner, context.now()));
    }

    /** Takes the customer out of use (失效); it stays findable with {@link CustomerQuery#includingClosed()}. */
    public Customer deactivate(Actor actor, CustomerId id) {
        return change(actor, id, "customer.deactivate", current -> current.deactivate(context.now()));
    }

    /** Adds a department to the customer's organisation (C4), at the top or inside {@code parent}. */
    public Customer addDepartment(Actor actor, CustomerId id, String name, OrgUnitId parent) {
        return addOrgUnit(actor, id, OrgUnitKind.DEPARTMENT, name, parent);
    }

    /** Adds a position (职位) inside a department of the customer's organisation (C4). */
    public Customer addPosition(Actor actor, CustomerId id, OrgUnitId department, String title) {
        return addOrgUnit(actor, id, OrgUnitKind.POSITION, title, department);
    }

    private Customer addOrgUnit(Actor actor, CustomerId id, OrgUnitKind kind, String name, OrgUnitId parent) {
        return change(actor, id, "customer.organisation", current -> {
            Problems problems = context.validator().check(new OrgUnitName(name), actor.locale());
            if (parent != null && current.organisation().stream()
                    .noneMatch(u -> u.id().equals(parent) && u.kind() == OrgUnitKind.DEPARTMENT)) {
                problems.add("parent", "org-unit.not-found", parent.value(), parent.value());
            }
            if (kind == OrgUnitKind.POSITION && parent == null) {
                problems.add("parent", "input.required", null);
            }
            problems.throwIfAny();
            OrgUnit unit = new OrgUnit(new OrgUnitId(context.nextId()), kind, name.strip(), parent);
            return current.addOrgUnit(unit, context.now());
        });
    }

    /**
     * Merges a duplicate into the survivor: the survivor keeps its values and takes the duplicate's where
     * it has none; contacts and other records move to it; the duplicate's children now have the survivor
     * as parent; the duplicate is marked merged. Its audit history shows in {@link #history} of the survivor.
     */
    public Customer merge(Actor actor, CustomerId duplicateId, CustomerId survivorId) {
        requireNonNull(duplicateId, "duplicate");
        requireNonNull(survivorId, "survivor");
        if (duplicateId.equals(survivorId)) {
            throw new BusinessRuleException("customer.merge.self",
                    Messages.get(actor.locale(), "customer.merge.self"));
        }
        return context.inTransaction(() -> {
            Customer duplicate = open(actor, duplicateId);
            Customer survivor = load(actor, survivorId);
            context.authorize(actor, "customer.merge", Customer.RECORD_TYPE, duplicate.owner());
            context.authorize(actor, "customer.merge", Customer.RECORD_TYPE, survivor.owner());
            if (!survivor.isActive()) {
                throw new BusinessRuleException("customer.merge.survivor-closed",
                        Messages.get(actor.locale(), "customer.merge.survivor-closed", survivorId.value()));
            }
            Instant now = context.now();
            Customer mergedDuplicate = customers.save(duplicate.toBuilder().number(null).build().mergeInto(survivorId, now));
            context.audit(actor, Customer.RECORD_TYPE, duplicateId.value(), "customer.merge", duplicate, mergedDuplicate);
            Customer absorbed = survivor.absorb(duplicate, now);
            // The survivor takes the duplicate's place in the tree: where it hung below the duplicate, it now
            // hangs where the duplicate did. A parent that would put it below itself is dropped.
            if (duplicateId.equals(absorbed.parent())) {
                absorbed = absorbed.toBuilder().parent(duplicate.parent()).build();
            }
            if (absorbed.parent() != null && input.createsCycle(actor, survivorId, absorbed.parent())) {
                absorbed = absorbed.toBuilder().parent(null).build();
            }
            Customer savedSurvivor = customers.save(absorbed);
            context.audit(actor, Customer.RECORD_TYPE, survivorId.value(), "customer.merge", survivor, savedSurvivor);
            for (Customer child : customers.childrenOf(actor.tenant(), duplicateId)) {
                // A child that is an ancestor of the survivor keeps the duplicate's old parent instead.
                if (child.id().equals(survivorId)) continue;
                CustomerId newParent = input.createsCycle(actor, child.id(), survivorId) ? duplicate.parent()
                        : survivorId;
                Customer moved = customers.save(child.toBuilder().parent(newParent).updatedAt(now).build());
                context.audit(actor, Customer.RECORD_TYPE, child.id().value(), "customer.update", child, moved);
            }
            for (CustomerMergeParticipant participant : mergeParticipants) {
                participant.moveRecords(actor, mergedDuplicate, savedSurvivor);
            }
            return savedSurvivor;
        });
    }

    /** The customer; the access policy is asked with its owner, so a refused read is an exception, not empty. */
    public Optional<Customer> find(Actor actor, CustomerId id) {
        requireNonNull(id, "id");
        Optional<Customer> found = customers.find(actor.tenant(), id);
        context.authorize(actor, "customer.read", Customer.RECORD_TYPE, found.map(Customer::owner).orElse(null));
        return found;
    }

    /** The customer, or {@link RecordNotFoundException}. */
    public Customer get(Actor actor, CustomerId id) {
        return find(actor, id).orElseThrow(() -> notFound(actor, id));
    }

    /** One page of the customers matching {@code query}. */
    public Page<Customer> find(Actor actor, CustomerQuery query, PageRequest<CustomerSort> page) {
        requireNonNull(query, "query");
        requireNonNull(page, "page");
        context.authorize(actor, "customer.read", Customer.RECORD_TYPE, null);
        return customers.page(actor.tenant(), query, page);
    }

    /**
     * The search box: a phone number in any written form finds by phone, an e-mail address by e-mail,
     * anything else by name, pinyin initials or number ("bjhx" finds 北京华夏科技).
     */
    public Page<Customer> search(Actor actor, String text, PageRequest<CustomerSort> page) {
        String input = text == null ? "" : Text.searchable(text).strip();
        Optional<PhoneNumber> phone = input.matches("[+0-9()\\s.\\-/]{5,}") ? context.phone(input) : Optional.empty();
        CustomerQuery query;
        if (phone.isPresent()) {
            query = new CustomerQuery(null, phone.get(), null, null, null, false);
        } else if (input.contains("@")) {
            query = new CustomerQuery(null, null, input, null, null, false);
        } else {
            query = CustomerQuery.text(input);
        }
        return find(actor, query, page);
    }

    /** Active customers whose phone or fax is this number, however it is written (Y3). */
    public List<Customer> findByPhone(Actor actor, String phone) {
        context.authorize(actor, "customer.read", Customer.RECORD_TYPE, null);
        return context.phone(phone).map(p -> customers.findByPhone(actor.tenant(), p)).orElse(List.of());
    }

    /** The audit trail of the customer and of the duplicates merged into it, oldest first (Y2). */
    public List<AuditEntry> history(Actor actor, CustomerId id) {
        context.authorize(actor, "customer.read", Customer.RECORD_TYPE, null);
        return context.inTransaction(() -> {
            Set<String> ids = new LinkedHashSet<>();
            collectMerged(actor, id, ids);
            return context.auditLog().forRecords(actor.tenant(), Customer.RECORD_TYPE, ids);
        });
    }

    private void collectMerged(Actor actor, CustomerId id, Set<String> ids) {
        if (!ids.add(id.value())) return;
        for (Customer merged : customers.mergedInto(actor.tenant(), id)) {
            collectMerged(actor, merged.id(), ids);
        }
    }

    /** Loads, changes, saves and audits one customer in one transaction. */
    private Customer change(Actor actor, CustomerId id, String action, UnaryOperator<Customer> change) {
        requireNonNull(id, "id");
        return context.inTransaction(() -> {
            Customer current = load(actor, id);
            context.authorize(actor, action, Customer.RECORD_TYPE, current.owner());
            requireActive(actor, current);
            Customer saved = customers.save(change.apply(current));
            context.audit(actor, Customer.RECORD_TYPE, id.value(), action, current, saved);
            return saved;
        });
    }

    private Customer load(Actor actor, CustomerId id) {
        return customers.find(actor.tenant(), id).orElseThrow(() -> notFound(actor, id));
    }

    /** A customer that may still be changed. */
    private Customer open(Actor actor, CustomerId id) {
        return requireActive(actor, load(actor, id));
    }

    private static Customer requireActive(Actor actor, Customer customer) {
        if (!customer.isActive()) {
            throw new BusinessRuleException("customer.closed",
                    Messages.get(actor.locale(), "customer.closed", customer.id().value()));
        }
        return customer;
    }

    private RecordNotFoundException notFound(Actor actor, CustomerId id) {
        return new RecordNotFoundException(Customer.RECORD_TYPE, id.value(),
                Messages.get(actor.locale(), "customer.not-found", id.value()));
    }

    /**
     * Checks {@code details} completely (the number, too, is free), then copies them onto {@code target}; throws with
     * every problem. A new parent is guarded (see {@link CustomerInput#guardNewParent}).
     */
    private Customer apply(Actor actor, CustomerDetails details, Customer.Builder target, CustomerId self) {
        Customer customer = input.check(actor, details, target, self, true);
        input.guardNewParent(actor, customer);
        return customer;
    }

    /** The name of a new department or position, checked like every other input. */
    record OrgUnitName(@HasText @Size(max = OrgUnit.MAX_NAME_LENGTH) @PlainText String name) {
    }
}
