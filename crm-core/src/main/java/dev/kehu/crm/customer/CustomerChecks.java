package dev.kehu.crm.customer;

import dev.kehu.crm.common.BusinessRuleException;
import dev.kehu.crm.common.TenantId;
import dev.kehu.crm.internal.InputValidator.Problems;
import dev.kehu.crm.security.Actor;
import java.util.Optional;

/** The check every record that belongs to a customer makes of it: it exists and is still in use. */
public final class CustomerChecks {
    private CustomerChecks() {
    }

    /**
     * The active customer with id {@code id}, or empty with the problem added under {@code path}. Nothing is
     * looked up when {@code path} already has a problem (the id is malformed).
     */
    public static Optional<Customer> activeCustomer(Customers customers, Problems problems, TenantId tenant,
                                                    String path, String id) {
        if (problems.has(path) || id == null) return Optional.empty();
        Optional<Customer> customer = customers.find(tenant, new CustomerId(id));
        if (customer.isEmpty()) {
            problems.add(path, "customer.not-found", id, id);
        } else if (!customer.get().isActive()) {
            problems.add(path, "customer.closed", id, id);
            return Optional.empty();
        }
        return customer;
    }

    /**
     * The active customer {@code id} of the actor's tenant, for a record made from another record that names it;
     * otherwise a {@link BusinessRuleException} ({@code customer.not-found}, {@code customer.closed}).
     */
    public static Customer requireActive(Customers customers, Actor actor, CustomerId id) {
        Customer customer = customers.find(actor.tenant(), id)
                .orElseThrow(() -> BusinessRuleException.of("customer.not-found", actor.locale(), id.value()));
        if (!customer.isActive()) throw BusinessRuleException.of("customer.closed", actor.locale(), id.value());
        return customer;
    }
}
