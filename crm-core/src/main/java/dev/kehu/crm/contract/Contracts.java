package dev.kehu.crm.contract;

import dev.kehu.crm.common.TenantId;
import dev.kehu.crm.customer.CustomerId;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * Port: where contracts and their approval and execution history are kept. Every method takes part in the calling
 * thread's transaction of the same store. Lists are read page by page: {@code after} names the last contract of
 * the previous page ({@code null} for the first), {@code limit} (1 to {@link dev.kehu.crm.common.PageRequest#MAX_SIZE}) is the most a page
 * holds; another limit is an {@code IllegalArgumentException}.
 */
public interface Contracts {
    Optional<Contract> find(TenantId tenant, ContractId id);

    /** The contract with this number (compared exactly) in the tenant. */
    Optional<Contract> findByNumber(TenantId tenant, String number);

    /**
     * Inserts a contract of version 0, or updates one whose stored version equals {@code contract.version()}; its
     * payment milestones are stored with it, in order.
     *
     * @return the contract as stored, with its new version
     * @throws dev.kehu.crm.common.StaleRecordException when the stored version differs (or the record is gone, or an
     *         insert finds the id taken); nothing is written
     * @throws dev.kehu.crm.common.DuplicateRecordException when another contract of the tenant has its number;
     *         nothing is written
     */
    Contract save(Contract contract);

    /**
     * Appends a line to the history of a stored contract; lines are never changed or removed.
     *
     * @throws dev.kehu.crm.common.StaleRecordException naming the contract, when it already has a line with this
     *         sequence number (another change got there first); nothing is written
     */
    void append(TenantId tenant, ContractStep step);

    /** The history of the contract, by sequence number; empty when it has none. */
    List<ContractStep> history(TenantId tenant, ContractId id);

    /** The customer's contracts, of any status, by id. */
    List<Contract> ofCustomer(TenantId tenant, CustomerId customer, ContractId after, int limit);

    /** The contract that renews {@code predecessor}, if one was drafted. */
    Optional<Contract> renewalOf(TenantId tenant, ContractId predecessor);

    /**
     * The contracts in execution whose end date is from {@code from} to {@code to}, both included, by end date then
     * id: what expiry reminders (30, 60, 90 days ahead) read. With {@code after}, the contracts after that one in
     * this order, whatever its status now; an id the tenant does not have gives an empty list.
     */
    List<Contract> expiring(TenantId tenant, LocalDate from, LocalDate to, ContractId after, int limit);

    /**
     * The contracts in {@code status} whose end date is before {@code day}, by end date then id; {@code after} as
     * in {@link #expiring}. The expiry job reads approved contracts and contracts in execution past their end.
     */
    List<Contract> endedBefore(TenantId tenant, ContractStatus status, LocalDate day, ContractId after, int limit);
}
