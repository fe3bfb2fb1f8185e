package dev.kehu.crm.outbox;

/** What an outbox message carries: a notification for a person, or a domain event for the host's systems. */
public enum OutboxKind { NOTIFICATION, EVENT }
