package dev.kehu.crm.customer;

import dev.kehu.crm.common.Page;
import dev.kehu.crm.common.PageRequest;
import dev.kehu.crm.common.PhoneNumber;
import dev.kehu.crm.common.TenantId;
import java.util.List;
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

    /** The customer with this number (compared exactly), whatever its status. */
    Optional<Customer> findByNumber(TenantId tenant, String number);

    /** Active customers whose phone or fax is this number (the call-centre screen-pop, Y3), in no set order. */
    List<Customer> findByPhone(TenantId tenant, PhoneNumber phone);

    /** Customers whose parent is {@code parent}, whatever their status, in no set order. */
    List<Customer> childrenOf(TenantId tenant, CustomerId parent);

    /** Customers merged into {@code survivor}, directly, in no set order. */
    List<Customer> mergedInto(TenantId tenant, CustomerId survivor);

    /** One page of the customers matching {@code query} (see {@link CustomerQuery#matches}). */
    Page<Customer> page(TenantId tenant, CustomerQuery query, PageRequest<CustomerSort> request);
}
