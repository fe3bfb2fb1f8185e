package dev.kehu.crm.care;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Which care rules the daily run applies, with their parameters: configuration given to
 * {@code Kehu.builder().careRules(...)}. Immutable; each method returns a changed copy.
 *
 * <pre>{@code
 * CareRules.defaults().birthdaysAhead(14).quietAfter(21).disable(CareRules.OVERDUE_ACTIVITIES)
 * }</pre>
 *
 * <p>Defaults: every rule on; birthdays 7 days ahead; an open opportunity is quiet once unchanged for 14 days;
 * service tickets whose deadline falls by the end of tomorrow; pages of 200 rows.
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

    /** Open service tickets whose next service-level deadline comes within days, or has passed; their agent. */
    public static final String TICKETS_NEAR_BREACH = "ticket-near-breach";

    /** The rules Kehu brings, in the order they run. */
    public static final List<String> BUILT_IN = List.of(BIRTHDAYS, OVERDUE_PLAN_STEPS, OVERDUE_ACTIVITIES,
            QUIET_OPPORTUNITIES, SIGNING_OVERDUE, TICKETS_NEAR_BREACH);

    public static final int MAX_BIRTHDAY_DAYS = 180;
    public static final int MAX_QUIET_DAYS = 365;
    public static final int MAX_PAGE_SIZE = 1000;
    public static final int MAX_TICKET_DAYS = 30;

    private final Set<String> disabled;
    private final int birthdayDays;
    private final int quietDays;
    private final int pageSize;
    private final int ticketDays;
    private final List<CareRule<?>> extra;

    private CareRules(Set<String> disabled, int birthdayDays, int quietDays, int pageSize, int ticketDays,
                      List<CareRule<?>> extra) {
        this.disabled = Set.copyOf(disabled);
        this.birthdayDays = birthdayDays;
        this.quietDays = quietDays;
        this.pageSize = pageSize;
        this.ticketDays = ticketDays;
        this.extra = List.copyOf(extra);
    }

    /** Every rule on, with the defaults above. */
    public static CareRules defaults() {
        return new CareRules(Set.of(), 7, 14, 200, 1, List.of());
    }

    /** Birthdays from today to {@code days} days ahead (0–{@value #MAX_BIRTHDAY_DAYS}); 7 by default. */
    public CareRules birthdaysAhead(int days) {
        if (days < 0 || days > MAX_BIRTHDAY_DAYS) {
            throw new IllegalArgumentException("birthdays are looked for 0–" + MAX_BIRTHDAY_DAYS + " days ahead, not "
                    + days);
        }
        return new CareRules(disabled, days, quietDays, pageSize, ticketDays, extra);
    }

    /**
     * An open opportunity is quiet once its last change is {@code days} days (1–{@value #MAX_QUIET_DAYS}) in the
     * past; 14 by default.
     */
    public CareRules quietAfter(int days) {
        if (days < 1 || days > MAX_QUIET_DAYS) {
            throw new IllegalArgumentException("an opportunity is quiet after 1–" + MAX_QUIET_DAYS + " days, not "
                    + days);
        }
        return new CareRules(disabled, birthdayDays, days, pageSize, ticketDays, extra);
    }

    /**
     * Service tickets are reminded of when their next deadline falls before the end of the day {@code days} days
     * from today (0–{@value #MAX_TICKET_DAYS}: 0 is today's deadlines); 1 by default.
     */
    public CareRules ticketsDueWithin(int days) {
        if (days < 0 || days > MAX_TICKET_DAYS) {
            throw new IllegalArgumentException("ticket deadlines are looked for 0–" + MAX_TICKET_DAYS
                    + " days ahead, not " + days);
        }
        return new CareRules(disabled, birthdayDays, quietDays, pageSize, days, extra);
    }

    /** How many rows a rule reads at once, and how many reminders one transaction writes (1–1000); 200 by default. */
    public CareRules pageSize(int size) {
        if (size < 1 || size > MAX_PAGE_SIZE) {
            throw new IllegalArgumentException("a care page holds 1–" + MAX_PAGE_SIZE + " rows, not " + size);
        }
        return new CareRules(disabled, birthdayDays, quietDays, size, ticketDays, extra);
    }

    /** Switches rules off by name ({@link #BUILT_IN} or an added rule's). */
    public CareRules disable(String... rules) {
        Set<String> changed = new LinkedHashSet<>(disabled);
        for (String rule : rules) changed.add(known(rule));
        return new CareRules(changed, birthdayDays, quietDays, pageSize, ticketDays, extra);
    }

    /** Switches rules back on by name. */
    public CareRules enable(String... rules) {
        Set<String> changed = new LinkedHashSet<>(disabled);
        for (String rule : rules) changed.remove(known(rule));
        return new CareRules(changed, birthdayDays, quietDays, pageSize, ticketDays, extra);
    }

    /** A rule of the host's own, run after the built-in ones; its name must be new. */
    public CareRules add(CareRule<?> rule) {
        requireNonNull(rule, "rule");
        if (names().contains(rule.name())) throw new IllegalArgumentException("a care rule named " + rule.name()
                + " exists already");
        List<CareRule<?>> changed = new ArrayList<>(extra);
        changed.add(rule);
        return new CareRules(disabled, birthdayDays, quietDays, pageSize, ticketDays, changed);
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

    public int pageSize() {
        return pageSize;
    }

    public int ticketDays() {
        return ticketDays;
    }

    /** The host's own rules, in the order they were added. */
    public List<CareRule<?>> added() {
        return extra;
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
