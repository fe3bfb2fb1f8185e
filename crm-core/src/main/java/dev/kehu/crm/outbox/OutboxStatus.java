package dev.kehu.crm.outbox;

/**
 * Where a message stands: waiting to be delivered (again), delivered, or given up on after the last attempt
 * (dead-lettered, kept for a person to look at).
 */
public enum OutboxStatus { PENDING, DELIVERED, DEAD }
