package dev.gatehouse.model;

import dev.gatehouse.internal.Checks;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * One page of a keyset-paginated listing.
 *
 * @param items the items, in the listing's order
 * @param next the cursor for the next page; empty when this is the last page
 * @param <T> the item type
 */
public record Page<T>(List<T> items, Optional<String> next) {
    public Page {
        Checks.notNull(items, "items");
        items = List.copyOf(items);
        Checks.notNull(next, "next");
    }

    /**
     * Builds a page from up to {@code limit + 1} items fetched in id order: the extra item only says there is more.
     */
    public static <T> Page<T> of(List<T> fetched, int limit, Function<T, Long> idOf) {
        if (fetched.size() <= limit) {
            return new Page<>(fetched, Optional.empty());
        }
        var items = fetched.subList(0, limit);
        return new Page<>(items, Optional.of(PageRequest.cursorAfter(idOf.apply(items.get(limit - 1)))));
    }

    public boolean hasNext() {
        return next.isPresent();
    }

    public <R> Page<R> map(Function<T, R> mapper) {
        return new Page<>(items.stream().map(mapper).toList(), next);
    }
}
