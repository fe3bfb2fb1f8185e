package dev.kehu.crm.care;

import static java.util.Objects.requireNonNull;

import dev.kehu.crm.order.DormancyRule;
import java.time.Period;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which care rules the daily run applies, with their parameters: configuration given to
 * {@code Kehu.builder().careRules(...)}. Immutable; each method returns a changed copy.
 *
 * <pre>{@code
 * CareRules.defaults().birthdaysAhead(14).quietAfter(21).contractNotice(30, 90).disable(CareRules.OVERDUE_ACTIVITIES)
 * }</pre>
 *
 * <p>Defaults: every rule on; birthdays 7 days ahead; an open opportunity is quiet once unchanged for 14 days;
 * contracts reminded of 90, 60 and 30 days before their end; customers dormant after more than 6 months without a
 * purchase; service tickets whose deadline falls by the end of tomorrow; pages of 200 rows.
 */
public final class CareRules {
    /** Contacts whose birthday falls today or in the next days; recipient: their customer's account manager. */
    public static final String BIRTHDAYS = "birthday";
    /** Development-plan steps without a result after their planned day, of open opportunities; the plan's owner. */
    public static final String OVERDUE_PLAN_STEPS = "plan-step-overdue";
    /** Open activities due before today; their owner. */
    public static final String OVERDUE_ACTIVITIES = "activity-overdue";
    /** Open opportunities not changed for some days; their owner. */
    public static final String QUIET_OPPORTUNITIES = "opportunity-quiet";
    /** Open opportunities whose expected signing date has passed; their owner. */
    public static final String SIGNING_OVERDUE = "opportunity-signing-overdue";
    /** Contracts in execution entering a notice period before their end; the contract's owner. */
    public static final String CONTRACT_EXPIRY = "contract-expiry";
    /** Active customers without a purchase for more than the dormancy period (C6); their account manager. */
    public static final String DORMANT_CUSTOMERS = "customer-dormant";
    /** Open service tickets whose next service-level deadline comes within days, or has passed; their agent. */
    public static final String TICKETS_NEAR_BREACH = "ticket-near-breach";

    /** The rules Kehu brings, in the order they run. */
    public static final List<String> BUILT_IN = List.of(BIRTHDAYS, OVERDUE_PLAN_STEPS, OVERDUE_ACTIVITIES,
            QUIET_OPPORTUNITIES, SIGNING_OVERDUE, CONTRACT_EXPIRY, DORMANT_CUSTOMERS, TICKETS_NEAR_BREACH);

    public static final int MAX_BIRTHDAY_DAYS = 180;
    public static final int MAX_QUIET_DAYS = 365;
    public static final int MAX_NOTICE_DAYS = 366;
    public static final int MAX_TICKET_DAYS = 30;
    public static final int MAX_PAGE_SIZE = 1000;

    private Set<String> disabled = Set.of();
    private int birthdayDays = 7;
    private int quietDays = 14;
    private List<Integer> noticeDays = List.of(30, 60, 90);
    private Period dormancy = Period.ofMonths(6);
    private int ticketDays = 1;
    private int pageSize = 200;
    private List<CareRule<?>> extra = List.of();

    private CareRules() {
    }

    /** Every rule on, with the defaults above. */
    public static CareRules defaults() {
        return new CareRules();
    }

    /** Birthdays from today to {@code days} days ahead (0–{@value #MAX_BIRTHDAY_DAYS}); 7 by default. */
    public CareRules birthdaysAhead(int days) {
        CareRules copy = copy();
        copy.birthdayDays = inRange(days, 0, MAX_BIRTHDAY_DAYS, "birthdays are looked for %d–%d days ahead, not %d");
        return copy;
    }

    /**
     * An open opportunity is quiet once its last change is {@code days} days (1–{@value #MAX_QUIET_DAYS}) in the
     * past; 14 by default.
     */
    public CareRules quietAfter(int days) {
        CareRules copy = copy();
        copy.quietDays = inRange(days, 1, MAX_QUIET_DAYS, "an opportunity is quiet after %d–%d days, not %d");
        return copy;
    }

    /**
     * The notice periods before a contract's end, in days (each 1–{@value #MAX_NOTICE_DAYS}, at least one; their
     * order does not matter); 30, 60 and 90 by default.
     */
    public CareRules contractNotice(int... days) {
        if (days.length == 0) throw new IllegalArgumentException("a contract needs at least one notice period");
        Set<Integer> sorted = new TreeSet<>();
        for (int day : days) {
            sorted.add(inRange(day, 1, MAX_NOTICE_DAYS, "a contract notice period is %d–%d days, not %d"));
        }
        CareRules copy = copy();
        copy.noticeDays = List.copyOf(sorted);
        return copy;
    }

    /** A customer is dormant after more than {@code period} without a purchase (positive); 6 months by default. */
    public CareRules dormantAfter(Period period) {
        CareRules copy = copy();
        copy.dormancy = DormancyRule.requirePositive(period);
        return copy;
    }

    /**
     * Service tickets are reminded of when their next deadline falls before the end of the day {@code days} days
     * from today (0–{@value #MAX_TICKET_DAYS}: 0 is today's deadlines); 1 by default.
     */
    public CareRules ticketsDueWithin(int days) {
        CareRules copy = copy();
        copy.ticketDays = inRange(days, 0, MAX_TICKET_DAYS, "ticket deadlines are looked for %d–%d days ahead, not %d");
        return copy;
    }

    /** How many rows a rule reads at once, and how many reminders one transaction writes (1–1000); 200 by default. */
    public CareRules pageSize(int size) {
        CareRules copy = copy();
        copy.pageSize = inRange(size, 1, MAX_PAGE_SIZE, "a care page holds %d–%d rows, not %d");
        return copy;
    }

    /** Switches rules off by name ({@link #BUILT_IN} or an added rule's). */
    public CareRules disable(String... rules) {
        Set<String> changed = new LinkedHashSet<>(disabled);
        for (String rule : rules) changed.add(known(rule));
        CareRules copy = copy();
        copy.disabled = Set.copyOf(changed);
        return copy;
    }

    /** Switches rules back on by name. */
    public CareRules enable(String... rules) {
        Set<String> changed = new LinkedHashSet<>(disabled);
        for (String rule : rules) changed.remove(known(rule));
        CareRules copy = copy();
        copy.disabled = Set.copyOf(changed);
        return copy;
    }

    /** A rule of the host's own, run after the built-in ones; its name must be new. */
    public CareRules add(CareRule<?> rule) {
        requireNonNull(rule, "rule");
        if (names().contains(rule.name())) throw new IllegalArgumentException("a care rule named " + rule.name()
                + " exists already");
        List<CareRule<?>> changed = new ArrayList<>(extra);
        changed.add(rule);
        CareRules copy = copy();
        copy.extra = List.copyOf(changed);
        return copy;
    }

    public boolean isEnabled(String rule) {
        return !disabled.contains(known(rule));
    }

    public int birthdayDays() {
        return birthdayDays;
    }

    public int quietDays() {
        return quietDays;
    }

    /** The contract notice periods in days, shortest first. */
    public List<Integer> contractNoticeDays() {
        return noticeDays;
    }

    public Period dormancy() {
        return dormancy;
    }

    public int ticketDays() {
        return ticketDays;
    }

    public int pageSize() {
        return pageSize;
    }

    /** The host's own rules, in the order they were added. */
    public List<CareRule<?>> added() {
        return extra;
    }

    private CareRules copy() {
        CareRules copy = new CareRules();
        copy.disabled = disabled;
        copy.birthdayDays = birthdayDays;
        copy.quietDays = quietDays;
        copy.noticeDays = noticeDays;
        copy.dormancy = dormancy;
        copy.ticketDays = ticketDays;
        copy.pageSize = pageSize;
        copy.extra = extra;
        return copy;
    }

    private static int inRange(int value, int min, int max, String message) {
        if (value < min || value > max) throw new IllegalArgumentException(String.format(message, min, max, value));
        return value;
    }

    private List<String> names() {
        List<String> names = new ArrayList<>(BUILT_IN);
        extra.forEach(rule -> names.add(rule.name()));
        return names;
    }

    private String known(String rule) {
        requireNonNull(rule, "rule");
        if (!names().contains(rule)) {
            throw new IllegalArgumentException("no care rule named " + rule + "; the rules are " + names());
        }
        return rule;
    }
}
