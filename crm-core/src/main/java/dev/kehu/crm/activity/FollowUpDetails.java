package dev.kehu.crm.activity;

import dev.kehu.crm.common.Identifiers;
import dev.kehu.crm.common.validation.FourDigitYear;
import dev.kehu.crm.common.validation.HasText;
import dev.kehu.crm.common.validation.PlainText;
import dev.kehu.crm.internal.Text;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;

/** What a person enters for a follow-up task decided during a visit (A2); a blank owner means the visit's. */
public record FollowUpDetails(
        @HasText @Size(max = 200) @PlainText String what,
        @Pattern(regexp = Identifiers.PATTERN, message = "{dev.kehu.crm.Id.message}") String owner,
        @NotNull @FourDigitYear Instant due,
        @FourDigitYear Instant reminder) {

    public FollowUpDetails {
        owner = Text.blankToNull(owner);
    }
}
