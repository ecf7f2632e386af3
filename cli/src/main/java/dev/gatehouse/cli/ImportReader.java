package dev.gatehouse.cli;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gatehouse.InvalidInputException;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads an import file, JSON or CSV, into {@link ImportItem}s, each with its line. Every malformed item is reported
 * with its line, not only the first. The formats are described in the command line's README.
 */
final class ImportReader {
    /** The file formats an import reads. */
    enum Format {
        JSON, CSV;

        /** @return the format a file name's extension says, if it says one */
        static Optional<Format> ofFileName(String fileName) {
            var lower = fileName.toLowerCase(Locale.ROOT);
            return lower.endsWith(".json") ? Optional.of(JSON) : lower.endsWith(".csv") ? Optional.of(CSV)
                    : Optional.empty();
        }
    }

    /**
     * @param items what the file asks for, in file order
     * @param problems what is malformed, each starting with its line
     */
    record Result(List<ImportItem> items, List<String> problems) {}

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, Set<String>> JSON_FIELDS = Map.of(
            "users", Set.of("name", "email", "disabled", "attributes"),
            "groups", Set.of("name", "description", "members"),
            "memberships", Set.of("group", "user"),
            "resources", Set.of("path", "type", "owner", "ownerGroup", "inherit"),
            "grants", Set.of("user", "group", "permission", "role", "on"),
            "acls", Set.of("on", "entries"));

    private final List<ImportItem> items = new ArrayList<>();
    private final List<String> problems = new ArrayList<>();

    private ImportReader() {}

    static Result read(String text, Format format) {
        var reader = new ImportReader();
        switch (format) {
            case JSON -> reader.readJson(text);
            case CSV -> reader.readCsv(text);
        }
        return new Result(List.copyOf(reader.items), List.copyOf(reader.problems));
    }

    private void problem(int line, String message) {
        problems.add("line " + line + ": " + message);
    }

    // ---- JSON ----

    private void readJson(String text) {
        try (JsonParser parser = JSON.getFactory().createParser(text)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                problem(line(parser), "the file must be one JSON object with the sections "
                        + String.join(", ", sectionNames()));
                return;
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                var section = parser.currentName();
                int sectionLine = line(parser);
                if (!JSON_FIELDS.containsKey(section)) {
                    problem(sectionLine, "unknown section '" + section + "'; the sections are "
                            + String.join(", ", sectionNames()));
                    parser.nextToken();
                    parser.skipChildren();
                    continue;
                }
                if (parser.nextToken() != JsonToken.START_ARRAY) {
                    problem(sectionLine, "'" + section + "' must be an array of objects");
                    parser.skipChildren();
                    continue;
                }
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    int line = line(parser);
                    JsonNode node = JSON.readTree(parser);
                    if (!node.isObject()) {
                        problem(line, "each of '" + section + "' must be an object, got " + node);
                        continue;
                    }
                    try {
                        readJsonItem(section, node, line);
                    } catch (InvalidInputException e) {
                        problem(line, e.getMessage());
                    }
                }
            }
        } catch (JsonProcessingException e) {
            problem(e.getLocation() == null ? 1 : e.getLocation().getLineNr(), "malformed JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> sectionNames() {
        return List.of("users", "groups", "memberships", "resources", "grants", "acls");
    }

    private static int line(JsonParser parser) {
        return parser.currentTokenLocation().getLineNr();
    }

    private void readJsonItem(String section, JsonNode node, int line) {
        var known = JSON_FIELDS.get(section);
        for (var field : (Iterable<String>) node::fieldNames) {
            if (!known.contains(field)) {
                throw new InvalidInputException("unknown field '" + field + "' in " + section + "; known: "
                        + String.join(", ", known.stream().sorted().toList()));
            }
        }
        switch (section) {
            case "users" -> items.add(new ImportItem.UserItem(line, required(node, "name"), optional(node, "email"),
                    flag(node, "disabled", false), attributes(node)));
            case "groups" -> {
                var name = required(node, "name");
                items.add(new ImportItem.GroupItem(line, name, optional(node, "description")));
                for (var member : strings(node, "members")) {
                    items.add(new ImportItem.MembershipItem(line, name, member));
                }
            }
            case "memberships" -> items.add(new ImportItem.MembershipItem(line, required(node, "group"),
                    required(node, "user")));
            case "resources" -> items.add(new ImportItem.ResourceItem(line, required(node, "path"),
                    optional(node, "type").orElse("folder"), optional(node, "owner"), optional(node, "ownerGroup"),
                    flag(node, "inherit", true)));
            case "grants" -> {
                var user = optional(node, "user");
                var group = optional(node, "group");
                if (user.isPresent() == group.isPresent()) {
                    throw new InvalidInputException("a grant names one \"user\" or one \"group\"");
                }
                var grantee = user.map(PrincipalReference::user).orElseGet(() -> PrincipalReference.group(group.get()));
                items.add(grant(line, grantee, optional(node, "permission"), optional(node, "role"),
                        optional(node, "on")));
            }
            case "acls" -> items.add(new ImportItem.AclItem(line, required(node, "on"),
                    strings(node, "entries").stream().map(AclSyntax::parse).toList()));
            default -> throw new IllegalStateException("section " + section + " is known but not read");
        }
    }

    private static String required(JsonNode node, String field) {
        return optional(node, field).orElseThrow(
                () -> new InvalidInputException("\"" + field + "\" is missing"));
    }

    private static Optional<String> optional(JsonNode node, String field) {
        var value = node.get(field);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isTextual()) {
            throw new InvalidInputException("\"" + field + "\" must be a string, got " + value);
        }
        return Optional.of(value.asText());
    }

    private static boolean flag(JsonNode node, String field, boolean absent) {
        var value = node.get(field);
        if (value == null || value.isNull()) {
            return absent;
        }
        if (!value.isBoolean()) {
            throw new InvalidInputException("\"" + field + "\" must be true or false, got " + value);
        }
        return value.asBoolean();
    }

    private static List<String> strings(JsonNode node, String field) {
        var value = node.get(field);
        if (value == null || value.isNull()) {
            return List.of();
        }
        if (!value.isArray()) {
            throw new InvalidInputException("\"" + field + "\" must be an array of strings, got " + value);
        }
        var strings = new ArrayList<String>();
        for (var element : value) {
            if (!element.isTextual()) {
                throw new InvalidInputException("\"" + field + "\" must hold strings only, got " + element);
            }
            strings.add(element.asText());
        }
        return strings;
    }

    private static Map<String, String> attributes(JsonNode node) {
        var value = node.get("attributes");
        if (value == null || value.isNull()) {
            return Map.of();
        }
        if (!value.isObject()) {
            throw new InvalidInputException("\"attributes\" must be an object of strings, got " + value);
        }
        var attributes = new TreeMap<String, String>();
        for (var entry : value.properties()) {
            if (!entry.getValue().isTextual()) {
                throw new InvalidInputException("attribute '" + entry.getKey() + "' must be a string, got "
                        + entry.getValue());
            }
            attributes.put(entry.getKey(), entry.getValue().asText());
        }
        return attributes;
    }

    // ---- CSV ----

    /** The CSV records: the first cell says what the line is; the cells after it depend on that. */
    private static final Map<String, String> CSV_SHAPES = shapes();

    private static Map<String, String> shapes() {
        var shapes = new LinkedHashMap<String, String>();
        shapes.put("user", "user,NAME[,EMAIL[,active|disabled[,KEY=VALUE...]]]");
        shapes.put("group", "group,NAME[,DESCRIPTION]");
        shapes.put("member", "member,GROUP,USER");
        shapes.put("resource", "resource,PATH[,TYPE[,OWNER[,OWNER_GROUP[,inherit|no-inherit]]]]");
        shapes.put("grant", "grant,user|group,NAME,PERMISSION[,RESOURCE]");
        shapes.put("role", "role,user|group,NAME,ROLE[,RESOURCE]");
        shapes.put("acl", "acl,RESOURCE,ENTRY[,ENTRY...]");
        return shapes;
    }

    private void readCsv(String text) {
        var format = CSVFormat.RFC4180.builder()
                .setCommentMarker('#')
                .setIgnoreEmptyLines(true)
                .setIgnoreSurroundingSpaces(true)
                .get();
        var lineStarts = lineStarts(text);
        try (var parser = format.parse(new StringReader(text))) {
            var records = parser.iterator();
            while (true) {
                CSVRecord record;
                try {
                    if (!records.hasNext()) {
                        break;
                    }
                    record = records.next();
                } catch (UncheckedIOException e) {
                    problem(lineOf(lineStarts, text.length()), "malformed CSV: " + e.getCause().getMessage());
                    break;
                }
                int line = recordLine(text, lineStarts, record.getCharacterPosition());
                try {
                    readCsvRecord(record.toList(), line);
                } catch (InvalidInputException e) {
                    problem(line, e.getMessage());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void readCsvRecord(List<String> cells, int line) {
        var kind = cells.get(0);
        var shape = CSV_SHAPES.get(kind);
        if (shape == null) {
            throw new InvalidInputException("a line starts with one of " + String.join(", ", CSV_SHAPES.keySet())
                    + ", got '" + kind + "'");
        }
        var rest = cells.subList(1, cells.size());
        var maxCells = switch (kind) {
            case "user", "acl" -> Integer.MAX_VALUE;
            case "group", "member" -> 2;
            case "resource" -> 5;
            default -> 4;
        };
        int minCells = switch (kind) {
            case "user", "group" -> 1;
            case "member", "acl" -> 2;
            case "resource" -> 1;
            default -> 3;
        };
        if (rest.size() < minCells || rest.size() > maxCells || rest.subList(0, minCells).stream().anyMatch(String::isEmpty)) {
            throw new InvalidInputException("expected " + shape + ", got " + cells.size() + " cells: "
                    + String.join(",", cells));
        }
        switch (kind) {
            case "user" -> items.add(new ImportItem.UserItem(line, rest.get(0), cell(rest, 1),
                    choice(rest, 2, "active", "disabled", "active").equals("disabled"),
                    keyValues(rest.size() > 3 ? rest.subList(3, rest.size()) : List.of())));
            case "group" -> items.add(new ImportItem.GroupItem(line, rest.get(0), cell(rest, 1)));
            case "member" -> items.add(new ImportItem.MembershipItem(line, rest.get(0), rest.get(1)));
            case "resource" -> items.add(new ImportItem.ResourceItem(line, rest.get(0), cell(rest, 1).orElse("folder"),
                    cell(rest, 2), cell(rest, 3), choice(rest, 4, "inherit", "no-inherit", "inherit").equals("inherit")));
            case "grant", "role" -> {
                var grantee = switch (rest.get(0)) {
                    case "user" -> PrincipalReference.user(rest.get(1));
                    case "group" -> PrincipalReference.group(rest.get(1));
                    default -> throw new InvalidInputException("a " + kind + " is given to a user or a group, got '"
                            + rest.get(0) + "'");
                };
                var what = Optional.of(rest.get(2));
                items.add(kind.equals("grant")
                        ? grant(line, grantee, what, Optional.empty(), cell(rest, 3))
                        : grant(line, grantee, Optional.empty(), what, cell(rest, 3)));
            }
            case "acl" -> items.add(new ImportItem.AclItem(line, rest.get(0),
                    rest.subList(1, rest.size()).stream().map(AclSyntax::parse).toList()));
            default -> throw new IllegalStateException("kind " + kind + " is known but not read");
        }
    }

    private static Optional<String> cell(List<String> cells, int index) {
        return index < cells.size() && !cells.get(index).isEmpty() ? Optional.of(cells.get(index)) : Optional.empty();
    }

    private static String choice(List<String> cells, int index, String one, String other, String absent) {
        var value = cell(cells, index).orElse(absent);
        if (!value.equals(one) && !value.equals(other)) {
            throw new InvalidInputException("expected '" + one + "' or '" + other + "', got '" + value + "'");
        }
        return value;
    }

    private static Map<String, String> keyValues(List<String> cells) {
        var attributes = new TreeMap<String, String>();
        for (var cell : cells) {
            int equals = cell.indexOf('=');
            if (equals <= 0) {
                throw new InvalidInputException("an attribute is KEY=VALUE, got '" + cell + "'");
            }
            attributes.put(cell.substring(0, equals), cell.substring(equals + 1));
        }
        return attributes;
    }

    private static int[] lineStarts(String text) {
        var starts = new ArrayList<Integer>();
        starts.add(0);
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                starts.add(i + 1);
            }
        }
        return starts.stream().mapToInt(Integer::intValue).toArray();
    }

    private static int lineOf(int[] lineStarts, long position) {
        int index = Arrays.binarySearch(lineStarts, (int) position);
        return (index >= 0 ? index : -index - 2) + 1;
    }

    /** A record's position may be that of the comments and blank lines before it: skip them. */
    private static int recordLine(String text, int[] lineStarts, long position) {
        int line = lineOf(lineStarts, position);
        while (line < lineStarts.length) {
            int end = text.indexOf('\n', lineStarts[line - 1]);
            var content = text.substring(lineStarts[line - 1], end < 0 ? text.length() : end).strip();
            if (!content.isEmpty() && !content.startsWith("#")) {
                break;
            }
            line++;
        }
        return line;
    }

    // ---- shared ----

    private static ImportItem.GrantItem grant(int line, PrincipalReference grantee, Optional<String> permission,
            Optional<String> role, Optional<String> on) {
        if (permission.isPresent() == role.isPresent()) {
            throw new InvalidInputException("a grant gives one \"permission\" or one \"role\"");
        }
        return new ImportItem.GrantItem(line, grantee, permission, role, on);
    }
}
