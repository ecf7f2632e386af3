package dev.gatehouse.cli;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Consumer;
import picocli.CommandLine;

/** Runs the command line in a working directory of a test, capturing what it prints and its exit code. */
final class Cli {
    private final Path workingDirectory;
    private final Map<String, String> variables;

    Cli(Path workingDirectory) {
        this(workingDirectory, Map.of());
    }

    Cli(Path workingDirectory, Map<String, String> variables) {
        this.workingDirectory = workingDirectory;
        this.variables = variables;
    }

    /**
     * @param exitCode what the command returned
     * @param out what it printed on standard output
     * @param err what it printed on standard error
     */
    record Result(int exitCode, String out, String err) {}

    Result run(String... args) {
        return run("", Terminal.NONE, commandLine -> { }, args);
    }

    /** Runs with {@code input} on standard input. */
    Result runWithInput(String input, String... args) {
        return run(input, Terminal.NONE, commandLine -> { }, args);
    }

    Result run(String input, Terminal terminal, Consumer<CommandLine> prepare, String... args) {
        var environment = new Environment(variables, workingDirectory,
                new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)), terminal);
        var commandLine = GatehouseCommand.commandLine(environment);
        var out = new StringWriter();
        var err = new StringWriter();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        prepare.accept(commandLine);
        int exitCode = commandLine.execute(args);
        return new Result(exitCode, out.toString(), err.toString());
    }

    /** Runs a command that must succeed, and returns what it printed. */
    String ok(String... args) {
        var result = run(args);
        if (result.exitCode() != 0) {
            throw new AssertionError("gatehouse " + String.join(" ", args) + " exited with " + result.exitCode()
                    + ":\n" + result.err() + result.out());
        }
        return result.out();
    }
}
