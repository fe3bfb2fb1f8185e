package dev.kehu.crm.opportunity;

import dev.kehu.crm.common.validation.HasText;
import dev.kehu.crm.common.validation.PlainText;
import jakarta.validation.constraints.Size;

/** The text of an attached record as a person typed it, checked before it is attached. */
record AttachedRecordInput(
        @HasText @Size(max = 200) @PlainText String title,
        @Size(max = 4000) @PlainText(multiline = true) String details,
        @Size(max = 4000) @PlainText(multiline = true) String strengths,
        @Size(max = 4000) @PlainText(multiline = true) String weaknesses) {
}
