package dev.kehu.crm.activity;

import dev.kehu.crm.common.LabelledEnum;

/** What kind of activity (A1): a call (电话), an e-mail (邮件), a meeting (会议), a visit (拜访) or a task (任务). */
public enum ActivityKind implements LabelledEnum {
    CALL, EMAIL, MEETING, VISIT, TASK
}
