package dev.kehu.crm.common;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * The configurable lists of the requirements, by name. {@link #defaults()} holds the documents' lists
 * with Chinese and English labels; a host replaces any of them with {@link #with(CodeList)}.
 */
public final class ReferenceData {
    /** Industries (行业) of customers. */
    public static final String INDUSTRY = "industry";
    /** Where a customer came from (来源); the source list of O2 by default. */
    public static final String CUSTOMER_SOURCE = "customer-source";
    /** Where a lead or an opportunity came from (机会来源, O2); the same codes as customers' by default. */
    public static final String OPPORTUNITY_SOURCE = "opportunity-source";

    private final Map<String, CodeList> lists;

    private ReferenceData(Map<String, CodeList> lists) {
        this.lists = Map.copyOf(lists);
    }

    public static ReferenceData defaults() {
        Map<String, CodeList> lists = new LinkedHashMap<>();
        lists.put(INDUSTRY, new CodeList(INDUSTRY, List.of(
                new Code("MANUFACTURING", "制造业", "manufacturing"),
                new Code("IT", "信息技术", "information technology"),
                new Code("FINANCE", "金融", "finance"),
                new Code("RETAIL", "零售", "retail"),
                new Code("HEALTHCARE", "医疗", "healthcare"),
                new Code("EDUCATION", "教育", "education"),
                new Code("GOVERNMENT", "政府", "government"),
                new Code("ENERGY", "能源", "energy"),
                new Code("LOGISTICS", "物流", "logistics"),
                new Code("REAL_ESTATE", "房地产", "real estate"),
                new Code("TELECOM", "通信", "telecommunications"),
                new Code("OTHER", "其它", "other"))));
        lists.put(CUSTOMER_SOURCE, new CodeList(CUSTOMER_SOURCE, List.of(
                new Code("INBOUND_CALL", "电话来访", "inbound call"),
                new Code("REFERRAL", "客户介绍", "referral"),
                new Code("OWN_PROSPECTING", "独立开发", "own prospecting"),
                new Code("MEDIA", "媒体宣传", "media"),
                new Code("PROMOTION", "促销活动", "promotion"),
                new Code("EXISTING_CUSTOMER", "老客户", "existing customer"),
                new Code("AGENT", "代理商", "agent"),
                new Code("PARTNER", "合作伙伴", "partner"),
                new Code("PUBLIC_TENDER", "公开招标", "public tender"),
                new Code("INTERNET", "互联网", "internet"),
                new Code("OTHER", "其它", "other"))));
        lists.put(OPPORTUNITY_SOURCE, new CodeList(OPPORTUNITY_SOURCE, lists.get(CUSTOMER_SOURCE).entries()));
        return new ReferenceData(lists);
    }

    /** These lists with {@code list} replacing the list of the same name. */
    public ReferenceData with(CodeList list) {
        Map<String, CodeList> copy = new LinkedHashMap<>(lists);
        copy.put(list.name(), list);
        return new ReferenceData(copy);
    }

    public CodeList list(String name) {
        CodeList list = lists.get(name);
        if (list == null) throw new NoSuchElementException("no reference list named " + name);
        return list;
    }
}
