package dev.kehu.crm.common;

/** Port: hands out new identifiers; injected so that tests and hosts control them. */
@FunctionalInterface
public interface IdGenerator {
    /** A new identifier, unique across tenants, at most {@value Identifiers#MAX_LENGTH} characters. */
    String next();
}
