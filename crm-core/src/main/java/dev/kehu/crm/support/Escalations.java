package dev.kehu.crm.support;

/**
 * What one run of {@link SupportService#escalateBreaches} did.
 *
 * @param checked   tickets whose deadline had passed
 * @param escalated tickets escalated to a supervisor in this run
 * @param skipped   tickets with a breach but nobody to escalate to (the directory names no supervisor)
 */
public record Escalations(int checked, int escalated, int skipped) {
}
