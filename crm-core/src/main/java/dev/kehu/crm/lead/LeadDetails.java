package dev.kehu.crm.lead;

import dev.kehu.crm.common.validation.HasText;
import dev.kehu.crm.common.validation.PlainText;
import dev.kehu.crm.internal.Text;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Size;

/**
 * A lead as it is captured (O1), from a call, a form or an import, checked when a use case receives it. It
 * names a company or a person, or both.
 *
 * @param source a code of the opportunity-source list, e.g. {@code INBOUND_CALL}; required
 * @param phone  in any written form; stored in E.164
 */
public record LeadDetails(
        @HasText @Size(max = 64) String source,
        @Size(max = 200) @PlainText String company,
        @Size(max = 100) @PlainText String person,
        @Size(max = 40) String phone,
        @Size(max = 254) @Email(regexp = "[^@\\s]+@[^@\\s]+\\.[^@\\s]+") @PlainText String email,
        @Size(max = 4000) @PlainText(multiline = true) String notes) {

    public LeadDetails {
        // As for customers and contacts: a space around an address is not part of it.
        email = Text.stripToNull(email);
    }
}
