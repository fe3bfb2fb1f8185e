package dev.kehu.crm.customer;

import dev.kehu.crm.common.Page;
import dev.kehu.crm.common.PageRequest;
import dev.kehu.crm.common.PhoneNumber;
import dev.kehu.crm.common.TenantId;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Port: where customers are kept. Every method takes part in the calling thread's transaction of the
 * same store (see {@link dev.kehu.crm.common.Transactions}).
 */
public interface Customers {
    Optional<Customer> find(TenantId tenant, CustomerId id);

    /**
     * Inserts a customer of version 0, or updates one whose stored version equals {@code customer.version()}.
     *
     * @return the customer as stored, with its new version
     * @throws dev.kehu.crm.common.StaleRecordException when the stored version differs (or the record is
     *         gone, or an insert finds the id taken); nothing is written
     * @throws dev.kehu.crm.common.DuplicateRecordException when another customer of the tenant has the number;
     *         nothing is written (a store checks the version first)
     */
    Customer save(Customer customer);

    /**
     * The customers of the tenant with these ids, whatever their status, by id; ids the tenant does not have are
     * absent. One look-up for many ids: a page of the care run reads its customers with it.
     */
    default Map<CustomerId, Customer> findAll(TenantId tenant, Collection<CustomerId> ids) {
        Map<CustomerId, Customer> found = new HashMap<>();
        for (CustomerId id : ids) find(tenant, id).ifPresent(c -> found.put(id, c));
        return found;
    }

    /** The customer with this number (compared exactly), whatever its status. */
    Optional<Customer> findByNumber(TenantId tenant, String number);

    /**
     * The ids of the customers of the tenant that hold any of {@code numbers} (compared exactly), whatever their
     * status, by number; numbers nobody holds are absent. One look-up for many numbers: an import's duplicate check.
     */
    default Map<String, CustomerId> idsByNumber(TenantId tenant, Collection<String> numbers) {
        Map<String, CustomerId> ids = new HashMap<>();
        for (String number : numbers) findByNumber(tenant, number).ifPresent(c -> ids.put(number, c.id()));
        return ids;
    }

    /**
     * Inserts new customers, each of version 0, as that many {@link #save}s would, and returns them as stored
     * (version 1), in their order: for a use case that writes many at once (an import); a store writes them in
     * batches.
     *
     * @throws IllegalArgumentException when one of them is not new (its version is not 0); nothing is written
     * @throws dev.kehu.crm.common.StaleRecordException when an id is taken
     * @throws dev.kehu.crm.common.DuplicateRecordException when a number is taken, by a stored customer or another
     *         of the list (a concurrent transaction may have committed it since the caller looked). After either,
     *         some of the customers may have been written: the exception must end the transaction, which is rolled
     *         back as after any refusal.
     */
    default List<Customer> insertAll(List<Customer> customers) {
        customers.forEach(Customers::requireNew);
        return customers.stream().map(this::save).toList();
    }

    /** For {@link #insertAll}: refuses a customer that is not new. */
    static void requireNew(Customer customer) {
        if (customer.version() != 0) {
            throw new IllegalArgumentException("customer " + customer.id() + " is not new: version "
                    + customer.version());
        }
    }

    /** Active customers whose phone or fax is this number (the call-centre screen-pop, Y3), in no set order. */
    List<Customer> findByPhone(TenantId tenant, PhoneNumber phone);

    /** Customers whose parent is {@code parent}, whatever their status, in no set order. */
    List<Customer> childrenOf(TenantId tenant, CustomerId parent);

    /** Customers merged into {@code survivor}, directly, in no set order. */
    List<Customer> mergedInto(TenantId tenant, CustomerId survivor);

    /** One page of the customers matching {@code query} (see {@link CustomerQuery#matches}). */
    Page<Customer> page(TenantId tenant, CustomerQuery query, PageRequest<CustomerSort> request);
}
