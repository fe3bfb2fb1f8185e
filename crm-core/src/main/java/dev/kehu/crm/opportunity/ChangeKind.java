package dev.kehu.crm.opportunity;

import dev.kehu.crm.common.LabelledEnum;

/** What a line of the stage history (阶段演变历史, O4) records. */
public enum ChangeKind implements LabelledEnum { CREATED, MOVED, PROBABILITY, WON, LOST, REOPENED }
