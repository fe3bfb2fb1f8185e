package dev.kehu.crm.activity;

import dev.kehu.crm.common.Identifiers;
import dev.kehu.crm.common.validation.FourDigitYear;
import dev.kehu.crm.common.validation.HasText;
import dev.kehu.crm.common.validation.PlainText;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * What a person enters after a visit (A2): which visit, what happened, and the follow-up tasks. A
 * violation in a follow-up has the path {@code followUps[i].field}.
 */
public record VisitRecordDetails(
        @NotNull @Pattern(regexp = Identifiers.PATTERN, message = "{dev.kehu.crm.Id.message}") String visit,
        @HasText @Size(max = 4000) @PlainText(multiline = true) String whatHappened,
        @NotNull @FourDigitYear Instant visitedAt,
        @Size(max = 50) List<@NotNull @Valid FollowUpDetails> followUps) {

    public VisitRecordDetails {
        followUps = followUps == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(followUps));
    }
}
