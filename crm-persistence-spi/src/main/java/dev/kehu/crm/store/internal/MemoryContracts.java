package dev.kehu.crm.store.internal;

import static java.util.Objects.requireNonNull;

import dev.kehu.crm.common.PageRequest;
import dev.kehu.crm.common.StaleRecordException;
import dev.kehu.crm.common.TenantId;
import dev.kehu.crm.contract.Contract;
import dev.kehu.crm.contract.ContractId;
import dev.kehu.crm.contract.ContractStatus;
import dev.kehu.crm.contract.ContractStep;
import dev.kehu.crm.contract.Contracts;
import dev.kehu.crm.customer.CustomerId;
import dev.kehu.crm.store.internal.Tables.Key;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Stream;

public final class MemoryContracts implements Contracts {
    private final MemoryTransactions transactions;
    private final VersionedTable<Contract> contracts;

    public MemoryContracts(MemoryTransactions transactions) {
        this.transactions = transactions;
        contracts = new VersionedTable<>(transactions, Contract.RECORD_TYPE, tables -> tables.contracts,
                Contract::version);
    }

    @Override
    public Optional<Contract> find(TenantId tenant, ContractId id) {
        return contracts.find(tenant, id.value());
    }

    @Override
    public Optional<Contract> findByNumber(TenantId tenant, String number) {
        requireNonNull(number, "number");
        return transactions.read(tables -> Tables.ofTenant(tables.contracts, tenant)
                .filter(c -> number.equals(c.number())).findAny());
    }

    @Override
    public Contract save(Contract contract) {
        requireNonNull(contract, "contract");
        return contracts.save(contract.tenant(), contract.id().value(), contract.version(),
                version -> contract.toBuilder().version(version).build(),
                tables -> Tables.checkNumberIsFree(tables.contracts, Contract.RECORD_TYPE, contract.tenant(),
                        contract.id().value(), contract.number(), Contract::number, c -> c.id().value()));
    }

    @Override
    public void append(TenantId tenant, ContractStep step) {
        requireNonNull(step, "step");
        Key key = new Key(tenant, step.contract().value());
        transactions.write(tables -> {
            List<ContractStep> history = tables.contractHistories.getOrDefault(key, List.of());
            if (history.stream().anyMatch(s -> s.sequence() == step.sequence())) {
                // Whoever wrote this line had read a history one line shorter: the same conflict as a stale version.
                throw new StaleRecordException(Contract.RECORD_TYPE, key.id(), step.sequence() - 1);
            }
            return tables.contractHistories.put(key,
                    Stream.concat(history.stream(), Stream.of(step)).sorted(Ordering.CONTRACT_HISTORY).toList());
        });
    }

    @Override
    public List<ContractStep> history(TenantId tenant, ContractId id) {
        Key key = new Key(tenant, id.value());
        return transactions.read(tables -> tables.contractHistories.getOrDefault(key, List.of()));
    }

    @Override
    public List<Contract> ofCustomer(TenantId tenant, CustomerId customer, ContractId after, int limit) {
        requireNonNull(customer, "customer");
        return page(tenant, c -> c.customer().equals(customer), Ordering.CONTRACTS_BY_ID, after, limit);
    }

    @Override
    public Optional<Contract> renewalOf(TenantId tenant, ContractId predecessor) {
        requireNonNull(predecessor, "predecessor");
        return transactions.read(tables -> Tables.ofTenant(tables.contracts, tenant)
                .filter(c -> predecessor.equals(c.predecessor())).min(Ordering.CONTRACTS_BY_ID));
    }

    @Override
    public List<Contract> expiring(TenantId tenant, LocalDate from, LocalDate to, ContractId after, int limit) {
        requireNonNull(from, "from");
        requireNonNull(to, "to");
        return page(tenant, c -> c.status() == ContractStatus.IN_EXECUTION && !c.endDate().isBefore(from)
                && !c.endDate().isAfter(to), Ordering.CONTRACTS_BY_END, after, limit);
    }

    @Override
    public List<Contract> endedBefore(TenantId tenant, ContractStatus status, LocalDate day, ContractId after,
                                      int limit) {
        requireNonNull(status, "status");
        requireNonNull(day, "day");
        return page(tenant, c -> c.status() == status && c.endDate() != null && c.endDate().isBefore(day),
                Ordering.CONTRACTS_BY_END, after, limit);
    }

    private List<Contract> page(TenantId tenant, Predicate<Contract> condition, Comparator<Contract> order,
                                ContractId after, int limit) {
        PageRequest.checkLimit(limit);
        return transactions.read(tables -> {
            Contract last = after == null ? null : tables.contracts.get(new Key(tenant, after.value()));
            // Reading on counts from where that contract stands; one the tenant does not have, or one without a
            // place in this order (a draft without an end date), gives no place to go on from.
            if (after != null && (last == null || (order == Ordering.CONTRACTS_BY_END && last.endDate() == null))) {
                return List.of();
            }
            return Ordering.after(Tables.ofTenant(tables.contracts, tenant).filter(condition), order, last, limit);
        });
    }
}
