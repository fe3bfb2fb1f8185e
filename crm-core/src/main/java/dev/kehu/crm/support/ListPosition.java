package dev.kehu.crm.support;

import static java.util.Objects.requireNonNull;

import dev.kehu.crm.common.Identifiers;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Where a list ordered by an instant and then by id goes on: the instant and id of the last item of the page
 * before (keyset paging, so that pages neither skip nor repeat records written in between).
 *
 * @param at the instant of the last item read (its creation time, or its deadline)
 * @param id the id of the last item read
 */
public record ListPosition(Instant at, String id) {
    public ListPosition {
        at = requireNonNull(at, "at").truncatedTo(ChronoUnit.MICROS);
        Identifiers.check(id, "id");
    }
}
