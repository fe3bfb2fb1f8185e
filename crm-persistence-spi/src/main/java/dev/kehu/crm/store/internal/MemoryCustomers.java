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
import dev.kehu.crm.store.internal.Tables.Key;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

public final class MemoryCustomers implements Customers {
    private final MemoryTransactions transactions;

    public MemoryCustomers(MemoryTransactions transactions) {
        this.transactions = transactions;
    }

    @Override
    public Optional<Customer> find(TenantId tenant, CustomerId id) {
        Key key = new Key(tenant, id.value());
        return transactions.read(tables -> Optional.ofNullable(tables.customers.get(key)));
    }

    @Override
    public Customer save(Customer customer) {
        requireNonNull(customer, "customer");
        Key key = new Key(customer.tenant(), customer.id().value());
        return transactions.write(tables -> {
            Customer stored = tables.customers.get(key);
            Tables.checkVersion(Customer.RECORD_TYPE, key, stored == null ? 0 : stored.version(), customer.version());
            if (customer.number() != null) {
                tables.customersOf(customer.tenant())
                        .filter(other -> customer.number().equals(other.number()) && !other.id().equals(customer.id()))
                        .findAny()
                        .ifPresent(other -> {
                            throw new DuplicateRecordException(Customer.RECORD_TYPE, "The customer number "
                                    + customer.number() + " is taken by customer " + other.id());
                        });
            }
            Customer saved = customer.toBuilder().version(customer.version() + 1).build();
            tables.customers.put(key, saved);
            return saved;
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
        return transactions.read(tables ->
                tables.customersOf(tenant).filter(condition).sorted(Ordering.CUSTOMERS_BY_ID).toList());
    }
}
