package dev.kehu.crm.care;

import dev.kehu.crm.common.TenantId;
import java.time.LocalDate;
import java.util.List;

/**
 * A rule of the care run: a named source of reminder candidates, read page by page from a store query that an
 * index answers. The run reads a page of rows, turns them into candidates, writes their reminders in one short
 * transaction, and reads on after the page's last row until a page comes back short, so no rule ever holds more
 * than a page in memory.
 *
 * <p>A new rule (the built-in ones, or a host's own given to {@code CareRules.add}) is one class: a name,
 * a paged query of its port, and what a row gives the reminder. Its name starts the keys of its reminders, so it
 * must not change once reminders exist.
 *
 * @param <R> what the rule's query returns, one per candidate; also where the next page starts
 */
public interface CareRule<R> {
    /** The rule's name, e.g. {@code birthday}: how it is switched off and the first part of its keys. */
    String name();

    /**
     * The rows of {@code tenant} that need a reminder on {@code today}, in the query's order, after {@code after}
     * (none: from the first), at most {@code limit}.
     */
    List<R> page(TenantId tenant, LocalDate today, R after, int limit);

    /** The candidates the rows give, in their order; a row may give none. */
    List<ReminderCandidate> candidates(TenantId tenant, List<R> rows, LocalDate today);
}
