package dev.kehu.crm.contact;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import java.time.Month;
import java.time.MonthDay;

/**
 * The days from {@code from} to {@code to}, both included, in which a contact's birthday falls: the window of
 * the birthday reminders (S3). Stores answer it from a stored month-day number ({@link #monthDay}) with an index:
 * one range of that number, or two when the window runs over the year end ({@link #wraps()}).
 *
 * <p>Someone born on 29 February has their birthday on 28 February in a year without that day.
 *
 * @param from the first day, e.g. today
 * @param to   the last day, at most a year less a day after {@code from}
 */
public record BirthdayWindow(LocalDate from, LocalDate to) {
    public BirthdayWindow {
        requireNonNull(from, "from");
        requireNonNull(to, "to");
        if (to.isBefore(from)) throw new IllegalArgumentException("a birthday window ends on or after " + from);
        if (!to.isBefore(from.plusYears(1))) {
            throw new IllegalArgumentException("a birthday window spans less than a year: " + from + " to " + to);
        }
    }

    /** The next {@code days} days after {@code today}, and today. */
    public static BirthdayWindow ahead(LocalDate today, int days) {
        if (days < 0) throw new IllegalArgumentException("days ahead must be ≥ 0, got " + days);
        return new BirthdayWindow(today, today.plusDays(days));
    }

    /** The month-day number stores keep beside a birthday: month × 100 + day, 229 for 29 February. */
    public static Integer monthDay(LocalDate birthday) {
        return birthday == null ? null : birthday.getMonthValue() * 100 + birthday.getDayOfMonth();
    }

    /** The smallest month-day number in the window (of {@link #from}). */
    public int fromKey() {
        return monthDay(from);
    }

    /**
     * The largest month-day number in the window: that of {@link #to}, or 229 when {@code to} is 28 February of a
     * year without a 29th, whose birthdays are kept that day.
     */
    public int toKey() {
        boolean leapDayFallsBack = to.getMonth() == Month.FEBRUARY && to.getDayOfMonth() == 28 && !to.isLeapYear();
        return leapDayFallsBack ? 229 : monthDay(to);
    }

    /**
     * Whether the window runs over the year end: then it holds the month-days from {@link #fromKey()} to 1231 and
     * from 101 to {@link #toKey()}; otherwise those from {@link #fromKey()} to {@link #toKey()}.
     */
    public boolean wraps() {
        return to.getYear() != from.getYear();
    }

    /** Whether the month-day number {@code key} falls in the window: the reference every store reproduces. */
    public boolean containsKey(int key) {
        return wraps() ? key >= fromKey() || key <= toKey() : key >= fromKey() && key <= toKey();
    }

    /** Whether the contact has a birthday in the window. */
    public boolean matches(Contact contact) {
        return contact.birthday() != null && containsKey(monthDay(contact.birthday()));
    }

    /** The day in the window on which someone born on {@code birthday} celebrates it. */
    public LocalDate birthdayIn(LocalDate birthday) {
        LocalDate day = MonthDay.from(birthday).atYear(from.getYear()); // 29 February falls back to the 28th
        return day.isBefore(from) ? MonthDay.from(birthday).atYear(from.getYear() + 1) : day;
    }
}
