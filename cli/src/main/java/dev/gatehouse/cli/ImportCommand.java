package dev.gatehouse.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code gatehouse import FILE}: users, groups, memberships, resources, grants and ACLs, all or nothing. */
@Command(name = "import", description = {
    "Import users, groups, memberships, resources, grants, roles and ACLs from a JSON or CSV file.",
    "The whole file is checked first (every line well-formed, every name known in the file or the database, "
            + "nothing twice): with any problem, nothing is imported and every bad line is named.",
    "Then it is written in one transaction. The formats are described in cli/README.md."})
final class ImportCommand extends DatabaseCommand {
    /** Width of the progress bar, in characters. */
    private static final int BAR = 30;

    @Parameters(paramLabel = "FILE", description = "A .json or .csv file.")
    String file = "";

    @Option(names = "--format", paramLabel = "FORMAT", description = "json or csv (default: from the file name).")
    @Nullable String format;

    @Option(names = "--dry-run", description = "Check the file against the database, and write nothing.")
    boolean dryRun;

    /** Told after each item is written; tests use it to interfere half-way. */
    ImportPlan.Progress progress = ImportPlan.Progress.NONE;

    @Override
    int run(Session session, Output output) {
        var path = environment().resolve(file);
        var chosen = format != null ? parseFormat(format) : ImportReader.Format.ofFileName(path.toString())
                .orElseThrow(() -> usage("cannot tell the format of " + file + " from its name: give --format json or "
                        + "--format csv"));
        String text;
        try {
            text = Files.readString(path, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw usage("no file " + path);
        } catch (CharacterCodingException e) {
            throw usage(file + " is not UTF-8 text");
        } catch (IOException e) {
            throw usage("cannot read " + path + ": " + e.getMessage());
        }
        var plan = ImportPlan.validate(file, ImportReader.read(text, chosen), session);
        var counts = plan.counts();
        if (dryRun) {
            output.done(file + " is valid; importing it would add " + summary(counts), fields(counts, false));
            return ExitCode.OK;
        }
        var err = spec().commandLine().getErr();
        boolean bar = environment().terminal().isInteractive() && !output.isJson();
        plan.apply(session, (item, done, total) -> {
            if (bar) {
                drawBar(err, done, total);
            }
            progress.advanced(item, done, total);
        });
        if (bar) {
            err.println();
        }
        output.done("imported " + summary(counts) + " from " + file
                + (session.transactions().isAtomic() ? ", in one transaction" : ""), fields(counts, true));
        return ExitCode.OK;
    }

    private ImportReader.Format parseFormat(String name) {
        try {
            return ImportReader.Format.valueOf(name.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw usage("--format is json or csv, got '" + name + "'");
        }
    }

    private static void drawBar(PrintWriter err, int done, int total) {
        int filled = total == 0 ? BAR : done * BAR / total;
        err.print("\rimporting [" + "#".repeat(filled) + " ".repeat(BAR - filled) + "] " + done + "/" + total);
        err.flush();
    }

    /** @return e.g. "3 users, 1 group and 2 grants" */
    static String summary(Map<String, Integer> counts) {
        var parts = counts.entrySet().stream()
                .filter(entry -> entry.getValue() > 0)
                .map(entry -> entry.getValue() + " " + entry.getKey() + (entry.getValue() == 1 ? "" : "s"))
                .toList();
        if (parts.isEmpty()) {
            return "nothing";
        }
        if (parts.size() == 1) {
            return parts.get(0);
        }
        return parts.subList(0, parts.size() - 1).stream().collect(Collectors.joining(", "))
                + " and " + parts.get(parts.size() - 1);
    }

    private Map<String, Object> fields(Map<String, Integer> counts, boolean imported) {
        var fields = new LinkedHashMap<String, Object>();
        fields.put("file", file);
        fields.put("imported", imported);
        var byKind = new LinkedHashMap<String, Integer>();
        counts.forEach((kind, count) -> byKind.put(kind.replace(" a", "A").replace("ACL", "acl") + "s", count));
        fields.put("counts", byKind);
        return fields;
    }
}
