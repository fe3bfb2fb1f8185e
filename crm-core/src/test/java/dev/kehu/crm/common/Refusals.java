package dev.kehu.crm.common;

/** For tests of rules: runs an action that a rule must refuse and returns the refusal. */
public final class Refusals {
    private Refusals() {
    }

    public static BusinessRuleException refusal(Runnable action) {
        try {
            action.run();
        } catch (BusinessRuleException e) {
            return e;
        }
        throw new AssertionError("expected a BusinessRuleException");
    }
}
