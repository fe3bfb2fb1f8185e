package dev.kehu.crm.lead;

import static java.util.Objects.requireNonNull;

import dev.kehu.crm.contact.ContactId;
import dev.kehu.crm.customer.CustomerId;
import dev.kehu.crm.opportunity.OpportunityId;

/** What a lead became: the customer and contact it created or linked to, and the opportunity it opened. */
public record Conversion(CustomerId customer, ContactId contact, OpportunityId opportunity) {
    public Conversion {
        requireNonNull(customer, "customer");
        requireNonNull(opportunity, "opportunity");
    }
}
