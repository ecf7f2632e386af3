package dev.gatehouse.hibernate;

import java.util.Collection;
import java.util.List;
import java.util.StringJoiner;
import org.hibernate.query.CommonQueryContract;

/**
 * An {@code IN} list written as numbered single-valued parameters ({@code :name0, :name1, …}), its length padded to a
 * power of two, at least 2, by repeating the last value. Hibernate caches the SQL translation of an HQL query only when
 * no parameter may take a list, and a parameter alone between the parentheses of an {@code IN} may; spelled out this
 * way, each padded length is one cached plan, and the queries a check runs on every call are translated once instead
 * of every time.
 *
 * @param name the parameter's name in the HQL
 * @param values the values, at least one
 */
record InList(String name, List<?> values) {
    InList {
        if (values.isEmpty()) {
            throw new IllegalArgumentException("an IN list needs at least one value: " + name);
        }
        values = List.copyOf(values);
    }

    static InList of(String name, Collection<?> values) {
        return new InList(name, List.copyOf(values));
    }

    /** @return the length the list is padded to: the next power of two, at least 2 */
    int paddedSize() {
        return Math.max(2, Integer.highestOneBit(values.size() - 1) << 1);
    }

    /** @return {@code :name0, :name1, …} for the padded length, to write between the parentheses of an IN */
    String placeholders() {
        var placeholders = new StringJoiner(", ");
        for (int i = 0; i < paddedSize(); i++) {
            placeholders.add(":" + name + i);
        }
        return placeholders.toString();
    }

    /** Binds every placeholder, the ones past the end of the list to its last value. */
    void bindTo(CommonQueryContract query) {
        for (int i = 0; i < paddedSize(); i++) {
            query.setParameter(name + i, values.get(Math.min(i, values.size() - 1)));
        }
    }
}
