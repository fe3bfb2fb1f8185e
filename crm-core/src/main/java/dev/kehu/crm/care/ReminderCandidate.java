package dev.kehu.crm.care;

import static java.util.Objects.requireNonNull;

import dev.kehu.crm.common.UserId;
import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a rule found: a record that needs a reminder, for whom, and about which day.
 *
 * @param subjectType the record's type, e.g. {@code contact}
 * @param subjectId   the record's id
 * @param subjectKey  what tells this subject apart in the reminder's key: the record's id, or more for a part of
 *                    a record (a plan's step: {@code <planId>:<step>})
 * @param due         the day it is about; part of the key
 * @param recipient   who is reminded: the record's owner
 * @param subject     names the record in the notification (a contact's name, an opportunity's subject)
 * @param arguments   further values a host may show, in order
 */
public record ReminderCandidate(String subjectType, String subjectId, String subjectKey, LocalDate due,
                                UserId recipient, String subject, Map<String, String> arguments) {
    public ReminderCandidate {
        requireNonNull(subjectType, "subjectType");
        requireNonNull(subjectId, "subjectId");
        requireNonNull(subjectKey, "subjectKey");
        requireNonNull(due, "due");
        requireNonNull(recipient, "recipient");
        requireNonNull(subject, "subject");
        arguments = Collections.unmodifiableMap(new LinkedHashMap<>(arguments));
    }

    /** The key of its reminder under rule {@code rule}: {@code <rule>:<subjectKey>:<due>}. */
    public String key(String rule) {
        return rule + ":" + subjectKey + ":" + due;
    }
}
