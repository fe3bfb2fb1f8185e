package dev.kehu.crm.activity;

import dev.kehu.crm.common.UserId;
import dev.kehu.crm.customer.CustomerId;
import dev.kehu.crm.opportunity.OpportunityId;

/**
 * Which activities to list; {@code null} criteria are ignored.
 *
 * @param openOnly only activities neither done nor cancelled
 */
public record ActivityQuery(UserId owner, CustomerId customer, OpportunityId opportunity, boolean openOnly) {
    public static ActivityQuery all() {
        return new ActivityQuery(null, null, null, false);
    }

    /** The open activities of a person: what their workbench is made of. */
    public static ActivityQuery openOf(UserId owner) {
        return new ActivityQuery(owner, null, null, true);
    }

    public ActivityQuery withCustomer(CustomerId value) {
        return new ActivityQuery(owner, value, opportunity, openOnly);
    }

    public ActivityQuery withOpportunity(OpportunityId value) {
        return new ActivityQuery(owner, customer, value, openOnly);
    }

    /** Whether {@code a} matches; the reference semantics every store must reproduce. */
    public boolean matches(Activity a) {
        if (owner != null && !owner.equals(a.owner())) return false;
        if (customer != null && !customer.equals(a.customer())) return false;
        if (opportunity != null && !opportunity.equals(a.opportunity())) return false;
        return !openOnly || a.isOpen();
    }
}
