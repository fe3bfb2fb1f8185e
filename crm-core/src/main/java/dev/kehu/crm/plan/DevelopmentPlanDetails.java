package dev.kehu.crm.plan;

import dev.kehu.crm.common.Identifiers;
import dev.kehu.crm.opportunity.OpportunityId;
import dev.kehu.crm.common.UserId;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * What a person enters to make the development plan of an opportunity (O7): ids as text, checked when a
 * use case receives them. A violation in a step has the path {@code steps[i].field}.
 *
 * @param owner the id of the account manager who carries the plan out, or {@code null} for the opportunity's owner
 */
public record DevelopmentPlanDetails(
        @NotNull @Pattern(regexp = Identifiers.PATTERN, message = "{dev.kehu.crm.Id.message}") String opportunity,
        @Pattern(regexp = Identifiers.PATTERN, message = "{dev.kehu.crm.Id.message}") String owner,
        @Size(max = 100) List<@NotNull @Valid PlanStepDetails> steps) {

    public DevelopmentPlanDetails {
        owner = owner == null || owner.isBlank() ? null : owner;
        steps = steps == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(steps));
    }

    public static DevelopmentPlanDetails of(OpportunityId opportunity, UserId owner, List<PlanStepDetails> steps) {
        return new DevelopmentPlanDetails(opportunity.value(), owner == null ? null : owner.value(), steps);
    }
}
