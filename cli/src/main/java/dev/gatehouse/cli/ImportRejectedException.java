package dev.gatehouse.cli;

import dev.gatehouse.InvalidInputException;
import java.util.List;

/** An import file has problems; nothing was imported. The message names every problem with its line. */
final class ImportRejectedException extends InvalidInputException {
    private static final long serialVersionUID = 1L;

    /** Shown at most; a file with more problems says how many it left out. */
    static final int MAX_SHOWN = 20;

    ImportRejectedException(String source, List<String> problems) {
        super(message(source, problems));
    }

    private static String message(String source, List<String> problems) {
        var text = new StringBuilder("nothing was imported: " + source + " has " + problems.size()
                + (problems.size() == 1 ? " problem" : " problems"));
        problems.stream().limit(MAX_SHOWN).forEach(problem -> text.append(System.lineSeparator()).append("  ")
                .append(problem));
        if (problems.size() > MAX_SHOWN) {
            text.append(System.lineSeparator()).append("  … and ").append(problems.size() - MAX_SHOWN).append(" more");
        }
        return text.toString();
    }
}
