package dev.kehu.crm.activity;

import dev.kehu.crm.common.Identifiers;
import dev.kehu.crm.common.validation.FourDigitYear;
import dev.kehu.crm.common.validation.HasText;
import dev.kehu.crm.common.validation.OneOf;
import dev.kehu.crm.common.validation.PlainText;
import dev.kehu.crm.internal.Text;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;

/**
 * What a person enters for an activity (A1), as it arrives from a form or an import: the kind and ids as
 * text, checked when a use case receives it. At least one of customer, contact and opportunity is given,
 * and the reminder is no later than the due time: the activity checks those.
 *
 * @param owner the id of who does it, or {@code null} for the person entering it
 */
public record ActivityDetails(
        @NotNull @OneOf(ActivityKind.class) String kind,
        @HasText @Size(max = 200) @PlainText String subject,
        @Pattern(regexp = Identifiers.PATTERN, message = "{dev.kehu.crm.Id.message}") String customer,
        @Pattern(regexp = Identifiers.PATTERN, message = "{dev.kehu.crm.Id.message}") String contact,
        @Pattern(regexp = Identifiers.PATTERN, message = "{dev.kehu.crm.Id.message}") String opportunity,
        @Pattern(regexp = Identifiers.PATTERN, message = "{dev.kehu.crm.Id.message}") String owner,
        @NotNull @FourDigitYear Instant due,
        @FourDigitYear Instant reminder,
        @Size(max = 4000) @PlainText(multiline = true) String notes) {

    public ActivityDetails {
        // Forms send "" for an empty field: it means "not given".
        customer = Text.blankToNull(customer);
        contact = Text.blankToNull(contact);
        opportunity = Text.blankToNull(opportunity);
        owner = Text.blankToNull(owner);
        notes = Text.blankToNull(notes);
    }
}
