package dev.kehu.crm.lead;

import dev.kehu.crm.common.LabelledEnum;

/** Where a lead (线索, O1) stands: new, being nurtured, qualified, discarded, or converted. */
public enum LeadStatus implements LabelledEnum { NEW, NURTURING, QUALIFIED, DISCARDED, CONVERTED }
