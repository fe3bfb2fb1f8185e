package dev.kehu.crm.support;

import dev.kehu.crm.common.LabelledEnum;

/** How the request came in (S7): phone, e-mail, web, fax, IVR (语音自助) or in person at a service point. */
public enum TicketChannel implements LabelledEnum {
    PHONE, EMAIL, WEB, FAX, IVR, WALK_IN
}
