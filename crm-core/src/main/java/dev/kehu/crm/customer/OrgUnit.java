package dev.kehu.crm.customer;

import static java.util.Objects.requireNonNull;

/**
 * A unit of the customer's own organisation (客户组织结构, C4): a department, or a position inside a
 * department. A top-level department has no parent; a position always has a department as parent.
 */
public record OrgUnit(OrgUnitId id, OrgUnitKind kind, String name, OrgUnitId parent) {
    public static final int MAX_NAME_LENGTH = 100;

    public OrgUnit {
        requireNonNull(id, "id");
        requireNonNull(kind, "kind");
        if (name == null || name.isBlank() || name.length() > MAX_NAME_LENGTH) {
            throw new IllegalArgumentException("an org unit needs a name of 1–" + MAX_NAME_LENGTH + " characters");
        }
        if (kind == OrgUnitKind.POSITION && parent == null) {
            throw new IllegalArgumentException("position " + name + " must belong to a department");
        }
    }
}
