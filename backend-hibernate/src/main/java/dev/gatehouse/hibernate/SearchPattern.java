package dev.gatehouse.hibernate;

/** Turns a user search pattern, where {@code *} matches any run of characters, into a LIKE pattern escaped with '!'. */
final class SearchPattern {
    private SearchPattern() {}

    /** @return the pattern with {@code *} as {@code %}, and {@code %}, {@code _} and {@code !} escaped */
    static String toLike(String pattern) {
        var like = new StringBuilder(pattern.length() + 8);
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            switch (c) {
                case '*' -> like.append('%');
                case '%', '_', '!' -> like.append('!').append(c);
                default -> like.append(c);
            }
        }
        return like.toString();
    }
}
