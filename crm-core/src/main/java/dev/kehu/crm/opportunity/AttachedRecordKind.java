package dev.kehu.crm.opportunity;

import dev.kehu.crm.common.LabelledEnum;

/** What is attached to an opportunity (O5): what the customer needs, what is proposed, who else competes. */
public enum AttachedRecordKind implements LabelledEnum { REQUIREMENT, SOLUTION, COMPETITOR }
