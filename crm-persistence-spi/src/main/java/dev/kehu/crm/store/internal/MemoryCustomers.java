package dev.kehu.crm.store.internal;

import static java.util.Objects.requireNonNull;

import dev.kehu.crm.common.DuplicateRecordException;
import dev.kehu.crm.common.Page;
import dev.kehu.crm.common.PageRequest;
import dev.kehu.crm.common.PhoneNumber;
import dev.kehu.crm.common.TenantId;
import dev.kehu.crm.customer.Customer;
import dev.kehu.crm.customer.CustomerId;
import dev.kehu.crm.customer.CustomerQuery;
import dev.kehu.crm.customer.CustomerSort;
import dev.kehu.crm.customer.Customers;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

public final class MemoryCustomers implements Customers {
    private final MemoryTransactions transactions;
    private final VersionedTable<Customer> customers;

    public MemoryCustomers(MemoryTransactions transactions) {
        this.transactions = transactions;
        customers = new VersionedTable<>(transactions, Customer.RECORD_TYPE, tables -> tables.customers,
                Customer::version);
    }

    @Override
    public Optional<Customer> find(TenantId tenant, CustomerId id) {
        return customers.find(tenant, id.value());
    }

    @Override
    public Customer save(Customer customer) {
        requireNonNull(customer, "customer");
        return customers.save(customer.tenant(), customer.id().value(), customer.version(),
                version -> customer.toBuilder().version(version).build(),
                tables -> checkNumberIsFree(tables, customer));
    }

    private static void checkNumberIsFree(Tables tables, Customer customer) {
        if (customer.number() == null) return;
        tables.customersOf(customer.tenant())
                .filter(other -> customer.number().equals(other.number()) && !other.id().equals(customer.id()))
                .findAny()
                .ifPresent(other -> {
                    throw new DuplicateRecordException(Customer.RECORD_TYPE, "The customer number "
                            + customer.number() + " is taken by customer " + other.id());
                });
    }

    @Override
    public Optional<Customer> findByNumber(TenantId tenant, String number) {
        requireNonNull(number, "number");
        return transactions.read(tables -> tables.customersOf(tenant).filter(c -> number.equals(c.number())).findAny());
    }

    @Override
    public List<Customer> findByPhone(TenantId tenant, PhoneNumber phone) {
        requireNonNull(phone, "phone");
        return list(tenant, c -> c.isActive() && (phone.equals(c.phone()) || phone.equals(c.fax())));
    }

    @Override
    public List<Customer> childrenOf(TenantId tenant, CustomerId parent) {
        requireNonNull(parent, "parent");
        return list(tenant, c -> parent.equals(c.parent()));
    }

    @Override
    public List<Customer> mergedInto(TenantId tenant, CustomerId survivor) {
        requireNonNull(survivor, "survivor");
        return list(tenant, c -> survivor.equals(c.mergedInto()));
    }

    @Override
    public Page<Customer> page(TenantId tenant, CustomerQuery query, PageRequest<CustomerSort> request) {
        requireNonNull(query, "query");
        return transactions.read(tables -> Ordering.page(tables.customersOf(tenant).filter(query::matches),
                Ordering.customers(request.sortBy(), request.direction()), request));
    }

    private List<Customer> list(TenantId tenant, Predicate<Customer> condition) {
        return customers.list(tenant, condition, Ordering.CUSTOMERS_BY_ID);
    }
}
