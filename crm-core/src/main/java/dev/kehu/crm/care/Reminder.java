package dev.kehu.crm.care;

import static java.util.Objects.requireNonNull;

import dev.kehu.crm.common.TenantId;
import dev.kehu.crm.common.UserId;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * A care reminder (客户关怀, S3) as stored: one per rule, subject and due date. Its key is made of those three
 * ({@code birthday:<contactId>:2026-12-03}) and is unique per tenant, so a re-run of the daily run, or two hosts
 * running it at once, never stores or sends one twice.
 *
 * @param key         {@code <rule>:<subject>:<due date>}, at most {@value #MAX_KEY_LENGTH} characters
 * @param rule        the name of the rule that found it
 * @param subjectType the record it is about, e.g. {@code contact}
 * @param subjectId   that record's id
 * @param due         the day it is about: the birthday, the day the step or activity was due…
 * @param recipient   who is reminded: the record's owner
 */
public record Reminder(TenantId tenant, String key, String rule, String subjectType, String subjectId, LocalDate due,
                       UserId recipient, Instant createdAt) {
    public static final String RECORD_TYPE = "reminder";
    public static final int MAX_KEY_LENGTH = 200;

    public Reminder {
        requireNonNull(tenant, "tenant");
        requireNonNull(key, "key");
        if (key.isEmpty() || key.length() > MAX_KEY_LENGTH) {
            throw new IllegalArgumentException("a reminder key has 1–" + MAX_KEY_LENGTH + " characters: " + key);
        }
        requireNonNull(rule, "rule");
        requireNonNull(subjectType, "subjectType");
        requireNonNull(subjectId, "subjectId");
        requireNonNull(due, "due");
        requireNonNull(recipient, "recipient");
        createdAt = requireNonNull(createdAt, "createdAt").truncatedTo(ChronoUnit.MICROS);
    }
}
