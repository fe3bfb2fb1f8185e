package dev.kehu.crm.common;

/** A user of the host system (an account manager, a supervisor…), as the host identifies it. */
public record UserId(String value) {
    public UserId {
        Identifiers.check(value, "user id");
    }

    @Override
    public String toString() { return value; }
}
