package dev.kehu.crm.lead;

import static java.util.Objects.requireNonNull;

import dev.kehu.crm.contact.ContactDetails;
import dev.kehu.crm.contact.ContactId;
import dev.kehu.crm.customer.CustomerDetails;
import dev.kehu.crm.customer.CustomerId;
import dev.kehu.crm.opportunity.OpportunityDetails;

/**
 * What a qualified lead becomes (O1): an existing customer or a new one, an existing contact, a new one or
 * none, and a new opportunity. The customer fields of the contact and opportunity details are filled in by
 * the conversion.
 */
public record LeadConversion(CustomerId existingCustomer, CustomerDetails newCustomer, ContactId existingContact,
                             ContactDetails newContact, OpportunityDetails opportunity) {
    public LeadConversion {
        if ((existingCustomer == null) == (newCustomer == null)) {
            throw new IllegalArgumentException("a conversion links to an existing customer or creates one, not both");
        }
        if (existingContact != null && newContact != null) {
            throw new IllegalArgumentException("a conversion links to an existing contact or creates one, not both");
        }
        requireNonNull(opportunity, "opportunity");
    }

    /** Into a new customer, with a new contact when {@code contact} is given. */
    public static LeadConversion intoNewCustomer(CustomerDetails customer, ContactDetails contact,
                                                 OpportunityDetails opportunity) {
        return new LeadConversion(null, customer, null, contact, opportunity);
    }

    /** Into an existing customer and, when {@code contact} is given, one of its contacts. */
    public static LeadConversion intoCustomer(CustomerId customer, ContactId contact, OpportunityDetails opportunity) {
        return new LeadConversion(customer, null, contact, null, opportunity);
    }
}
