package dev.kehu.crm.activity;

import dev.kehu.crm.common.UserId;
import java.time.Instant;

/**
 * A follow-up task decided during a visit (A2).
 *
 * @param owner    who does it, or {@code null} for the visit's owner
 * @param reminder when to remind them, not after {@code due}, or {@code null}
 */
public record FollowUp(String what, UserId owner, Instant due, Instant reminder) {
}
