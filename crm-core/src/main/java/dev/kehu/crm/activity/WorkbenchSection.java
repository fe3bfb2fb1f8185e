package dev.kehu.crm.activity;

import dev.kehu.crm.common.LabelledEnum;

/**
 * Where an item of the workbench (A3) comes from: an overdue activity (已逾期), an activity due that day
 * (今日到期), a reminder that day (今日提醒), an overdue step of a development plan (计划步骤逾期) or a step
 * planned for that day (今日计划步骤).
 */
public enum WorkbenchSection implements LabelledEnum {
    OVERDUE, DUE_TODAY, REMINDER, PLAN_STEP_OVERDUE, PLAN_STEP_DUE
}
