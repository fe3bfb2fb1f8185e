package dev.kehu.crm.contract;

import static dev.kehu.crm.common.Refusals.refusal;
import static dev.kehu.crm.contract.ContractFixtures.CUSTOMER;
import static dev.kehu.crm.contract.ContractFixtures.END;
import static dev.kehu.crm.contract.ContractFixtures.ID;
import static dev.kehu.crm.contract.ContractFixtures.MANAGER;
import static dev.kehu.crm.contract.ContractFixtures.SALES;
import static dev.kehu.crm.contract.ContractFixtures.T0;
import static dev.kehu.crm.contract.ContractFixtures.T1;
import static dev.kehu.crm.contract.ContractFixtures.TENANT;
import static dev.kehu.crm.contract.ContractFixtures.approved;
import static dev.kehu.crm.contract.ContractFixtures.completed;
import static dev.kehu.crm.contract.ContractFixtures.everyStatus;
import static dev.kehu.crm.contract.ContractFixtures.executing;
import static dev.kehu.crm.contract.ContractFixtures.expired;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kehu.crm.common.BusinessRuleException;
import dev.kehu.crm.common.Money;
import dev.kehu.crm.opportunity.Opportunity;
import dev.kehu.crm.opportunity.OpportunityId;
import dev.kehu.crm.opportunity.Pipeline;
import dev.kehu.crm.quote.Quote;
import dev.kehu.crm.quote.QuoteId;
import dev.kehu.crm.quote.QuoteLine;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ContractOriginTest {
    private static final OpportunityId DEAL = new OpportunityId("o-7");
    private static final ContractId NEXT = new ContractId("k-2");

    private static Quote sentQuote() {
        return Quote.builder().id(new QuoteId("q-1")).tenant(TENANT).customer(CUSTOMER).opportunity(DEAL)
                .date(LocalDate.of(2025, 3, 1)).currency(Money.CNY)
                .lines(List.of(new QuoteLine("KH-100 服务器", new BigDecimal("3"), Money.of("1999.00", "CNY"),
                        new BigDecimal("15")))).createdAt(T0).updatedAt(T0).build().send(T0);
    }

    private static Opportunity openDeal() {
        return Opportunity.open(DEAL, TENANT, Pipeline.standard(), "华夏机械服务器采购", CUSTOMER,
                LocalDate.of(2025, 1, 5), SALES, SALES, T0).opportunity();
    }

    @Test
    @DisplayName("an accepted quote becomes a draft contract with its customer, currency and total, naming the quote and its opportunity")
    void fromQuote() {
        Quote accepted = sentQuote().accept(T1);

        Contract.Change created = Contract.fromQuote(ID, "HT-2025-001", accepted, SALES, T1);

        Contract contract = created.contract();
        assertThat(contract.status()).isEqualTo(ContractStatus.DRAFT);
        assertThat(contract.tenant()).isEqualTo(TENANT);
        assertThat(contract.customer()).isEqualTo(CUSTOMER);
        assertThat(contract.owner()).as("whoever drafts it looks after it").isEqualTo(SALES);
        assertThat(contract.currency()).isEqualTo(Money.CNY);
        assertThat(contract.amount()).isEqualTo(accepted.total()).isEqualTo(Money.of("5097.45", "CNY"));
        assertThat(contract.quote()).isEqualTo(accepted.id());
        assertThat(contract.opportunity()).isEqualTo(DEAL);
        assertThat(created.step().sequence()).isEqualTo(1);
    }

    @Test
    @DisplayName("a quote that is not accepted makes no contract")
    void onlyAcceptedQuote() {
        assertThat(refusal(() -> Contract.fromQuote(ID, "HT-1", sentQuote(), SALES, T1)).code())
                .isEqualTo("quote.not-accepted");
    }

    @Test
    @DisplayName("a won opportunity becomes a draft contract with its customer and its expected amount in that currency")
    void fromOpportunity() {
        Money yen = Money.of("1200000", "JPY");
        Opportunity won = openDeal().toBuilder().expectedAmount(yen).build().win("签约", SALES, T1).opportunity();

        Contract contract = Contract.fromOpportunity(ID, "HT-2025-002", won, SALES, T1).contract();

        assertThat(contract.customer()).isEqualTo(CUSTOMER);
        assertThat(contract.opportunity()).isEqualTo(DEAL);
        assertThat(contract.quote()).isNull();
        assertThat(contract.currency()).isEqualTo(yen.currency());
        assertThat(contract.amount()).isEqualTo(yen);
    }

    @Test
    @DisplayName("an open or lost opportunity, or one without an expected amount, makes no contract")
    void onlyWonWithAmount() {
        Opportunity open = openDeal().toBuilder().expectedAmount(Money.of("1", "CNY")).build();
        Opportunity lost = open.lose("价格过高", null, SALES, T1).opportunity();
        Opportunity wonWithoutAmount = openDeal().win(null, SALES, T1).opportunity();

        assertThat(refusal(() -> Contract.fromOpportunity(ID, "HT-1", open, SALES, T1)).code())
                .isEqualTo("contract.opportunity.not-won");
        assertThat(refusal(() -> Contract.fromOpportunity(ID, "HT-1", lost, SALES, T1)).code())
                .isEqualTo("contract.opportunity.not-won");
        assertThat(refusal(() -> Contract.fromOpportunity(ID, "HT-1", wonWithoutAmount, SALES, T1)).code())
                .isEqualTo("contract.opportunity.no-amount");
    }

    @Test
    @DisplayName("renewal makes a new draft for the next period naming its predecessor; milestones, opportunity and quote stay behind")
    void renew() {
        Contract old = executing().toBuilder().opportunity(DEAL).quote(new QuoteId("q-1")).version(7).build()
                .recordPayment(0, END.minusMonths(11), Money.of("30000.00", "CNY"), T1);
        LocalDate newStart = END.plusDays(1);

        Contract.Change renewal = old.renew(NEXT, "HT-2026-001", newStart, newStart.plusYears(1).minusDays(1), MANAGER, T1);

        Contract next = renewal.contract();
        assertThat(next.id()).isEqualTo(NEXT);
        assertThat(next.number()).isEqualTo("HT-2026-001");
        assertThat(next.predecessor()).isEqualTo(old.id());
        assertThat(next.status()).isEqualTo(ContractStatus.DRAFT);
        assertThat(next.startDate()).isEqualTo(newStart);
        assertThat(next.endDate()).isEqualTo(LocalDate.of(2027, 3, 31));
        assertThat(next.customer()).isEqualTo(old.customer());
        assertThat(next.ourParty()).isEqualTo(old.ourParty());
        assertThat(next.theirParty()).isEqualTo(old.theirParty());
        assertThat(next.amount()).isEqualTo(old.amount());
        assertThat(next.terms()).isEqualTo(old.terms());
        assertThat(next.milestones()).isEmpty();
        assertThat(next.opportunity()).isNull();
        assertThat(next.quote()).isNull();
        assertThat(next.signingDate()).isNull();
        assertThat(next.historyLength()).isEqualTo(1);
        assertThat(next.version()).isZero();
        assertThat(next.createdAt()).isEqualTo(T1);
        assertThat(next.owner()).as("whoever renews looks after the renewal").isEqualTo(MANAGER);
        assertThat(renewal.step()).isEqualTo(new ContractStep(NEXT, 1, T1, MANAGER, null, ContractStatus.DRAFT, null));
        assertThat(old.status()).as("renewing leaves the original as it was").isEqualTo(ContractStatus.IN_EXECUTION);
    }

    @Test
    @DisplayName("only a contract in execution, completed or expired is renewed, and the new period runs forward")
    void renewable() {
        LocalDate start = END.plusDays(1);
        for (Contract contract : everyStatus()) {
            boolean renewable = List.of(ContractStatus.IN_EXECUTION, ContractStatus.COMPLETED, ContractStatus.EXPIRED)
                    .contains(contract.status());
            if (renewable) {
                assertThat(contract.renew(NEXT, "HT-2", start, start, SALES, T1).contract().predecessor()).isEqualTo(ID);
            } else {
                BusinessRuleException refused = refusal(() -> contract.renew(NEXT, "HT-2", start, start, SALES, T1));
                assertThat(refused.code()).as(contract.status().name()).isEqualTo("contract.not-renewable");
            }
        }
        assertThat(refusal(() -> completed().renew(NEXT, "HT-2", start, start.minusDays(1), SALES, T1)).code())
                .isEqualTo("contract.dates.order");
        assertThat(expired().renew(NEXT, "HT-2", start, start, SALES, T1).contract().status()).isEqualTo(ContractStatus.DRAFT);
        assertThat(approved().status().isRenewable()).isFalse();
    }
}
