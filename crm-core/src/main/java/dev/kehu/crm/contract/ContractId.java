package dev.kehu.crm.contract;

import dev.kehu.crm.common.Identifiers;

/** The id of a contract (合同); a renewal is a new contract with its own id. */
public record ContractId(String value) {
    public ContractId {
        Identifiers.check(value, "contract id");
    }

    @Override
    public String toString() { return value; }
}
