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
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

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

    @Override
    public List<Customer> insertAll(List<Customer> list) {
        list.forEach(Customers::requireNew);
        return customers.insertAll(list, c -> new Tables.Key(c.tenant(), c.id().value()),
                c -> c.toBuilder().version(1).build(), tables -> checkNumbersAreFree(tables, list));
    }

    /** No number of the list is held by a stored customer or twice in the list. */
    private static void checkNumbersAreFree(Tables tables, List<Customer> list) {
        Set<List<Object>> taken = new HashSet<>();
        tables.customers.values().forEach(c -> taken.add(Arrays.asList(c.tenant(), c.number())));
        for (Customer customer : list) {
            if (customer.number() != null && !taken.add(Arrays.asList(customer.tenant(), customer.number()))) {
                throw new DuplicateRecordException(Customer.RECORD_TYPE, "The customer number " + customer.number()
                        + " is taken");
            }
        }
    }

    @Override
    public Map<String, CustomerId> idsByNumber(TenantId tenant, Collection<String> numbers) {
        Set<String> wanted = Set.copyOf(numbers);
        return transactions.read(tables -> tables.customersOf(tenant)
                .filter(c -> c.number() != null && wanted.contains(c.number()))
                .collect(Collectors.toMap(Customer::number, Customer::id)));
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
