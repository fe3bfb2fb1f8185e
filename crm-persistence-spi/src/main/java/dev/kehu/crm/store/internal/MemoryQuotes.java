package dev.kehu.crm.store.internal;

import static java.util.Objects.requireNonNull;

import dev.kehu.crm.common.TenantId;
import dev.kehu.crm.customer.CustomerId;
import dev.kehu.crm.opportunity.OpportunityId;
import dev.kehu.crm.quote.Quote;
import dev.kehu.crm.quote.QuoteId;
import dev.kehu.crm.quote.QuoteStatus;
import dev.kehu.crm.quote.Quotes;
import java.util.List;
import java.util.Optional;

public final class MemoryQuotes implements Quotes {
    private final VersionedTable<Quote> quotes;

    public MemoryQuotes(MemoryTransactions transactions) {
        quotes = new VersionedTable<>(transactions, Quote.RECORD_TYPE, tables -> tables.quotes, Quote::version);
    }

    @Override
    public Optional<Quote> find(TenantId tenant, QuoteId id) {
        return quotes.find(tenant, id.value());
    }

    @Override
    public Quote save(Quote quote) {
        requireNonNull(quote, "quote");
        return quotes.save(quote.tenant(), quote.id().value(), quote.version(),
                version -> quote.toBuilder().version(version).build());
    }

    @Override
    public List<Quote> ofOpportunity(TenantId tenant, OpportunityId opportunity) {
        requireNonNull(opportunity, "opportunity");
        return quotes.list(tenant, q -> opportunity.equals(q.opportunity()), Ordering.QUOTES);
    }

    @Override
    public boolean anySentFor(TenantId tenant, OpportunityId opportunity) {
        requireNonNull(opportunity, "opportunity");
        return !quotes.list(tenant, q -> opportunity.equals(q.opportunity()) && q.status() != QuoteStatus.DRAFT,
                Ordering.QUOTES).isEmpty();
    }

    @Override
    public List<Quote> ofCustomer(TenantId tenant, CustomerId customer) {
        requireNonNull(customer, "customer");
        return quotes.list(tenant, q -> customer.equals(q.customer()), Ordering.QUOTES);
    }
}
