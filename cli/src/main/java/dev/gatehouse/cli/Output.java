package dev.gatehouse.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.PrintWriter;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * What a command prints: aligned tables and "key: value" records for people, or the same data as JSON for scripts
 * ({@code --json}). Values may be strings, numbers, booleans, instants, lists, maps, {@link Optional}s or null.
 */
final class Output {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final PrintWriter out;
    private final boolean json;

    Output(PrintWriter out, boolean json) {
        this.out = out;
        this.json = json;
    }

    boolean isJson() {
        return json;
    }

    /** Prints rows under their column names; as JSON, an array of objects keyed by column. */
    void table(Table table) {
        if (json) {
            printJson(table.asObjects());
        } else {
            table.print(out);
        }
        out.flush();
    }

    /** Prints a page of rows and, if there is more, the option that fetches the next page. */
    void page(Table table, Optional<String> next) {
        if (json) {
            var page = new LinkedHashMap<String, Object>();
            page.put("items", table.asObjects());
            page.put("next", next);
            printJson(page);
        } else {
            table.print(out);
            next.ifPresent(cursor -> out.println("(more: --after " + cursor + ")"));
        }
        out.flush();
    }

    /** Prints one object as "key: value" lines; as JSON, an object. */
    void record(Map<String, ?> fields) {
        if (json) {
            printJson(fields);
        } else {
            int width = fields.keySet().stream().mapToInt(String::length).max().orElse(0);
            fields.forEach((key, value) -> out.println(pad(key + ":", width + 1) + " " + text(value)));
        }
        out.flush();
    }

    /** Tells what a command did: the sentence for people; as JSON, the fields. */
    void done(String sentence, Map<String, ?> fields) {
        if (json) {
            printJson(fields);
        } else {
            out.println(sentence);
        }
        out.flush();
    }

    /** Prints a line for people; nothing as JSON. */
    void say(String line) {
        if (!json) {
            out.println(line);
            out.flush();
        }
    }

    private void printJson(Object value) {
        try {
            out.println(JSON.writeValueAsString(plain(value)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON: " + e.getMessage(), e);
        }
    }

    /** @return the value with optionals unwrapped and instants as ISO-8601 strings, ready for JSON */
    private static @Nullable Object plain(@Nullable Object value) {
        return switch (value) {
            case null -> null;
            case Optional<?> optional -> plain(optional.orElse(null));
            case Instant instant -> instant.toString();
            case Map<?, ?> map -> {
                var copy = new LinkedHashMap<String, @Nullable Object>();
                map.forEach((key, item) -> copy.put(String.valueOf(key), plain(item)));
                yield copy;
            }
            case Collection<?> items -> {
                var copy = new ArrayList<@Nullable Object>();
                items.forEach(item -> copy.add(plain(item)));
                yield copy;
            }
            default -> value;
        };
    }

    /** @return the value as a table cell or record value: "-" for nothing, lists joined with ", " */
    static String text(@Nullable Object value) {
        return switch (value) {
            case null -> "-";
            case Optional<?> optional -> text(optional.orElse(null));
            case Map<?, ?> map -> map.isEmpty() ? "-" : map.entrySet().stream()
                    .map(entry -> entry.getKey() + "=" + entry.getValue())
                    .collect(Collectors.joining(", "));
            case Collection<?> items -> items.isEmpty() ? "-" : items.stream()
                    .map(Output::text)
                    .collect(Collectors.joining(", "));
            case Instant instant -> instant.truncatedTo(ChronoUnit.SECONDS).toString();
            default -> value.toString();
        };
    }

    static String pad(String text, int width) {
        return text.length() >= width ? text : text + " ".repeat(width - text.length());
    }

    /** Rows under named columns. Not thread-safe. */
    static final class Table {
        private final List<String> columns;
        private final List<List<@Nullable Object>> rows = new ArrayList<>();

        private Table(List<String> columns) {
            this.columns = columns;
        }

        static Table of(String... columns) {
            return new Table(List.of(columns));
        }

        Table row(@Nullable Object... values) {
            if (values.length != columns.size()) {
                throw new IllegalArgumentException("a row of " + columns + " needs " + columns.size() + " values");
            }
            var row = new ArrayList<@Nullable Object>();
            Collections.addAll(row, values);
            rows.add(row);
            return this;
        }

        List<Map<String, @Nullable Object>> asObjects() {
            var objects = new ArrayList<Map<String, @Nullable Object>>();
            for (var row : rows) {
                var object = new LinkedHashMap<String, @Nullable Object>();
                for (int i = 0; i < columns.size(); i++) {
                    object.put(columns.get(i), row.get(i));
                }
                objects.add(object);
            }
            return objects;
        }

        void print(PrintWriter out) {
            if (rows.isEmpty()) {
                out.println("(none)");
                return;
            }
            var cells = rows.stream().map(row -> row.stream().map(Output::text).toList()).toList();
            var widths = new int[columns.size()];
            for (int i = 0; i < widths.length; i++) {
                widths[i] = columns.get(i).length();
                for (var row : cells) {
                    widths[i] = Math.max(widths[i], row.get(i).length());
                }
            }
            printLine(out, columns.stream().map(Table::heading).toList(), widths);
            cells.forEach(row -> printLine(out, row, widths));
        }

        /** Column names are camelCase keys for JSON, and spaced words in a heading: lastLogin → LAST LOGIN. */
        private static String heading(String column) {
            return column.replaceAll("([a-z])([A-Z])", "$1 $2").toUpperCase(Locale.ROOT);
        }

        private static void printLine(PrintWriter out, List<String> cells, int[] widths) {
            var line = new StringBuilder();
            for (int i = 0; i < cells.size(); i++) {
                line.append(i == cells.size() - 1 ? cells.get(i) : pad(cells.get(i), widths[i]) + "  ");
            }
            out.println(line.toString().stripTrailing());
        }
    }
}
