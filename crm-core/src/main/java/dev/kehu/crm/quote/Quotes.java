package dev.kehu.crm.quote;

import dev.kehu.crm.common.TenantId;
import dev.kehu.crm.customer.CustomerId;
import dev.kehu.crm.opportunity.OpportunityId;
import java.util.List;
import java.util.Optional;

/** Port: where quotes are kept. Every method takes part in the calling thread's transaction of the same store. */
public interface Quotes {
    Optional<Quote> find(TenantId tenant, QuoteId id);

    /**
     * Inserts a quote of version 0, or updates one whose stored version equals {@code quote.version()}; its
     * lines are stored with it, in order.
     *
     * @return the quote as stored, with its new version
     * @throws dev.kehu.crm.common.StaleRecordException when the stored version differs (or the record is gone,
     *         or an insert finds the id taken); nothing is written
     */
    Quote save(Quote quote);

    /** The quotes of the opportunity, every revision (its quote history, O5), by date then id. */
    List<Quote> ofOpportunity(TenantId tenant, OpportunityId opportunity);

    /**
     * Whether the opportunity has a quote that has been sent: any revision in a status other than
     * {@link QuoteStatus#DRAFT}. The entry criterion of a stage that needs a quote asks it on every such move, so a
     * store answers it without loading the quotes.
     */
    boolean anySentFor(TenantId tenant, OpportunityId opportunity);

    /** The quotes made to the customer, every revision, by date then id. */
    List<Quote> ofCustomer(TenantId tenant, CustomerId customer);
}
