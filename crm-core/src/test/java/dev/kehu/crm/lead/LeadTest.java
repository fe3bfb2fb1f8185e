package dev.kehu.crm.lead;

import static dev.kehu.crm.common.Refusals.refusal;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kehu.crm.common.PhoneNumber;
import dev.kehu.crm.common.TenantId;
import dev.kehu.crm.common.UserId;
import dev.kehu.crm.contact.ContactId;
import dev.kehu.crm.customer.CustomerId;
import dev.kehu.crm.opportunity.OpportunityId;
import java.time.Instant;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class LeadTest {
    private static final Instant T0 = Instant.parse("2026-11-23T01:00:00Z");
    private static final UserId OPERATOR = new UserId("call.centre");
    private static final Conversion INTO = new Conversion(new CustomerId("c-1"), new ContactId("k-1"),
            new OpportunityId("o-1"));

    private static Lead captured() {
        return Lead.capture(new LeadId("l-1"), new TenantId("t"), "INBOUND_CALL", "北京华夏科技有限公司", "李娜",
                new PhoneNumber("+8613800138000"), null, "来电咨询 ERP", OPERATOR, T0);
    }


    @Test
    @DisplayName("a lead is captured with its source, nurtured, qualified, assigned and converted once")
    void lifecycle() {
        Lead lead = captured().nurture("寄送资料", T0.plusSeconds(60));
        assertThat(lead.status()).isEqualTo(LeadStatus.NURTURING);
        assertThat(lead.notes()).isEqualTo("来电咨询 ERP\n寄送资料");
        lead = lead.qualify(T0.plusSeconds(120)).assign(new UserId("wang.wei"), T0.plusSeconds(180));
        Lead converted = lead.convert(INTO, T0.plusSeconds(240));
        assertThat(converted.status()).isEqualTo(LeadStatus.CONVERTED);
        assertThat(converted.conversion()).isEqualTo(INTO);
        assertThat(converted.owner()).isEqualTo(new UserId("wang.wei"));
        assertThat(converted.source()).isEqualTo("INBOUND_CALL");
    }

    @Test
    @DisplayName("converting twice, or converting a lead that was not qualified, is refused")
    void convertOnce() {
        Lead converted = captured().qualify(T0).convert(INTO, T0);
        assertThat(refusal(() -> converted.convert(INTO, T0)).code()).isEqualTo("lead.converted");
        assertThat(refusal(() -> captured().convert(INTO, T0)).code()).isEqualTo("lead.not-qualified");
    }

    @Test
    @DisplayName("a discarded lead has its reason and changes no more")
    void discard() {
        assertThat(refusal(() -> captured().discard(" ", T0)).code()).isEqualTo("lead.discard.reason");
        Lead discarded = captured().discard("重复线索", T0);
        assertThat(discarded.discardReason()).isEqualTo("重复线索");
        assertThat(refusal(() -> discarded.qualify(T0)).code()).isEqualTo("lead.finished");
        assertThat(refusal(() -> discarded.assign(OPERATOR, T0)).code()).isEqualTo("lead.finished");
        assertThat(refusal(() -> discarded.convert(INTO, T0)).code()).isEqualTo("lead.not-qualified");
    }

    @Test
    @DisplayName("a qualified lead may still be discarded, but not nurtured or qualified again")
    void qualified() {
        Lead qualified = captured().qualify(T0);
        assertThat(refusal(() -> qualified.qualify(T0)).code()).isEqualTo("lead.qualified");
        assertThat(refusal(() -> qualified.nurture("x", T0)).code()).isEqualTo("lead.qualified");
        assertThat(qualified.discard("预算取消", T0).status()).isEqualTo(LeadStatus.DISCARDED);
    }
}
