package dev.gatehouse.model;

import dev.gatehouse.InvalidInputException;
import dev.gatehouse.internal.Checks;
import java.util.Optional;

/**
 * A keyset page request: the items after a cursor, at most {@code limit} of them.
 *
 * @param after the cursor returned with the previous page, empty for the first page
 * @param limit 1..{@value #MAX_LIMIT}
 */
public record PageRequest(Optional<String> after, int limit) {
    /** The largest page. */
    public static final int MAX_LIMIT = 10_000;

    public PageRequest {
        Checks.notNull(after, "after");
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new InvalidInputException("page limit must be 1.." + MAX_LIMIT + ", got " + limit);
        }
        after.ifPresent(PageRequest::decode);
    }

    public static PageRequest first(int limit) {
        return new PageRequest(Optional.empty(), limit);
    }

    public static PageRequest after(String cursor, int limit) {
        return new PageRequest(Optional.of(cursor), limit);
    }

    /** @return the last id of the previous page, 0 for the first page */
    public long afterId() {
        return after.map(PageRequest::decode).orElse(0L);
    }

    /** @return the cursor that continues after the item with this id */
    public static String cursorAfter(long id) {
        return Long.toString(id, 36);
    }

    private static long decode(String cursor) {
        try {
            long id = Long.parseLong(cursor, 36);
            if (id < 0) {
                throw new NumberFormatException();
            }
            return id;
        } catch (NumberFormatException e) {
            throw new InvalidInputException("not a page cursor: '" + cursor + "'");
        }
    }
}
