package dev.kehu.crm.support;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * The customer's answer to the satisfaction survey (满意度调查, S5) after resolution: a score from 1 (very
 * dissatisfied) to 5 (very satisfied) and an optional comment.
 */
public record SatisfactionSurvey(int score, String comment, Instant answeredAt) {
    public static final int LOWEST = 1;
    public static final int HIGHEST = 5;

    public SatisfactionSurvey {
        if (score < LOWEST || score > HIGHEST) {
            throw new IllegalArgumentException("a satisfaction score is from 1 to 5, got: " + score);
        }
        answeredAt = requireNonNull(answeredAt, "answeredAt").truncatedTo(ChronoUnit.MICROS);
    }

    /** Scores of 1 and 2 call for a look by the supervisor. */
    public boolean isDissatisfied() {
        return score <= 2;
    }
}
