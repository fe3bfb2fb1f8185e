package dev.kehu.crm.contract;

import dev.kehu.crm.common.Money;
import java.time.LocalDate;
import java.util.List;

/**
 * What a person edits in a draft contract ({@link Contract#edit}): the parties, the period, the amount, the
 * terms and the payment milestones. Any of them may still be missing in a draft; {@link Contract#submit}
 * asks for all but the milestones.
 *
 * @param ourParty   our company's name as it signs (甲方 or 乙方, as the contract has it)
 * @param theirParty the customer's name as it signs
 * @param terms      the content of the contract (合同内容): scope, terms and conditions
 * @param milestones the payment milestones, none paid yet; {@code null} means none
 */
public record ContractContent(String ourParty, String theirParty, LocalDate startDate, LocalDate endDate,
                              Money amount, String terms, List<PaymentMilestone> milestones) {
    public ContractContent {
        milestones = milestones == null ? List.of() : List.copyOf(milestones);
    }
}
