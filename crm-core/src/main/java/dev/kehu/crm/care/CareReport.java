package dev.kehu.crm.care;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import java.util.List;

/**
 * What a care run did, rule by rule, in the order the rules ran (disabled rules are not listed).
 *
 * @param day the day the run was for
 */
public record CareReport(LocalDate day, List<RuleReport> rules) {
    public CareReport {
        requireNonNull(day, "day");
        rules = List.copyOf(rules);
    }

    /**
     * One rule's part.
     *
     * @param seen           candidates the rule found
     * @param created        reminders stored and notified by this run
     * @param alreadyPresent candidates whose reminder an earlier (or a concurrent) run had made
     */
    public record RuleReport(String rule, int seen, int created, int alreadyPresent) {
    }

    /** The report of rule {@code name}; fails when it did not run. */
    public RuleReport rule(String name) {
        return rules.stream().filter(r -> r.rule().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("rule " + name + " did not run"));
    }

    /** Reminders created by the whole run. */
    public int created() {
        return rules.stream().mapToInt(RuleReport::created).sum();
    }
}
