package dev.kehu.crm.common;

import static java.util.Objects.requireNonNull;

/**
 * Which page to return and in which order. Ties are broken by id, so pages never overlap or skip. Text
 * sorts by code point (binary order) on every store; descending is the exact reverse of ascending, ties
 * included.
 *
 * @param page      zero-based page number
 * @param size      1–{@value #MAX_SIZE} items
 * @param sortBy    the field to sort by
 * @param direction ascending or descending
 */
public record PageRequest<F extends Enum<F>>(int page, int size, F sortBy, Direction direction) {
    public static final int MAX_SIZE = 1000;

    public enum Direction { ASCENDING, DESCENDING }

    public PageRequest {
        if (page < 0) throw new IllegalArgumentException("page must be ≥ 0, got " + page);
        if (size < 1 || size > MAX_SIZE) {
            throw new IllegalArgumentException("page size must be 1–" + MAX_SIZE + ", got " + size);
        }
        requireNonNull(sortBy, "sortBy");
        requireNonNull(direction, "direction");
    }

    /**
     * {@code limit} unchanged when it is a valid size of a page read on from a given record (1–{@value #MAX_SIZE}).
     *
     * @throws IllegalArgumentException otherwise
     */
    public static int checkLimit(int limit) {
        if (limit < 1 || limit > MAX_SIZE) {
            throw new IllegalArgumentException("limit must be 1–" + MAX_SIZE + ", got " + limit);
        }
        return limit;
    }

    public static <F extends Enum<F>> PageRequest<F> first(int size, F sortBy) {
        return new PageRequest<>(0, size, sortBy, Direction.ASCENDING);
    }

    public PageRequest<F> next() {
        return new PageRequest<>(page + 1, size, sortBy, direction);
    }

    public long offset() {
        return (long) page * size;
    }
}
