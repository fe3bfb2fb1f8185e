package dev.kehu.crm.opportunity;

import static java.util.Objects.requireNonNull;

import dev.kehu.crm.common.Identifiers;
import dev.kehu.crm.common.Labelled;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;

/**
 * One stage of a pipeline (O3), with its rules.
 *
 * @param defaultProbability the probability an opportunity takes on entering the stage
 * @param lowest             the lowest probability a person may set while in the stage
 * @param highest            the highest probability a person may set while in the stage
 * @param staleAfter         how long an opportunity may sit in the stage before it is flagged stale, or null
 * @param entryCriteria      what must be true before entering the stage
 */
public record Stage(String code, String zh, String en, Probability defaultProbability, Probability lowest,
                   Probability highest, Duration staleAfter, Set<EntryCriterion> entryCriteria) implements Labelled {
    public Stage {
        Identifiers.check(code, "stage code");
        requireNonNull(zh, "zh");
        requireNonNull(en, "en");
        requireNonNull(defaultProbability, "defaultProbability");
        requireNonNull(lowest, "lowest");
        requireNonNull(highest, "highest");
        if (lowest.compareTo(defaultProbability) > 0 || defaultProbability.compareTo(highest) > 0) {
            throw new IllegalArgumentException("stage " + code + ": the default probability must lie in its range");
        }
        if (staleAfter != null && (staleAfter.isNegative() || staleAfter.isZero())) {
            throw new IllegalArgumentException("stage " + code + ": the stale limit must be positive");
        }
        entryCriteria = Set.copyOf(entryCriteria);
    }

    public boolean allows(Probability probability) {
        return lowest.compareTo(probability) <= 0 && probability.compareTo(highest) <= 0;
    }

    @Override
    public String label(Locale locale) {
        return Labelled.isChinese(locale) ? zh : en;
    }
}
