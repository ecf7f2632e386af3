package dev.gatehouse.jdbi.internal;

import dev.gatehouse.internal.Checks;

/**
 * Turns a search pattern, where {@code *} matches any run of characters and everything else is literal, into a SQL
 * {@code LIKE} pattern to be used with {@code ESCAPE '!'}. The escape character is {@code !} rather than a backslash
 * because a backslash means different things in MariaDB's and PostgreSQL's string literals; {@code !} means the same
 * everywhere.
 */
final class SearchPattern {
    private SearchPattern() {}

    static String like(String pattern) {
        Checks.notNull(pattern, "pattern");
        var like = new StringBuilder(pattern.length() + 8);
        for (char c : pattern.toCharArray()) {
            switch (c) {
                case '*' -> like.append('%');
                case '%', '_', '!' -> like.append('!').append(c);
                default -> like.append(c);
            }
        }
        return like.toString();
    }
}
