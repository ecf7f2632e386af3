package dev.gatehouse.cli;

import dev.gatehouse.GatehouseException;
import dev.gatehouse.schema.MigrationException;
import java.sql.SQLException;
import java.util.Optional;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * Turns every failure into one line on standard error and an exit code, never a stack trace: bad usage and
 * Gatehouse's input errors (unknown user, bad permission name, a cycle, …) exit with {@link ExitCode#BAD_INPUT};
 * an unreachable database or anything unexpected with {@link ExitCode#FAILED}.
 */
final class ErrorHandler implements CommandLine.IExecutionExceptionHandler, CommandLine.IParameterExceptionHandler {
    @Override
    public int handleParseException(ParameterException problem, String[] args) {
        var commandLine = problem.getCommandLine();
        var err = commandLine.getErr();
        err.println("error: " + problem.getMessage());
        CommandLine.UnmatchedArgumentException.printSuggestions(problem, err);
        err.println("see: " + commandLine.getCommandSpec().qualifiedName() + " --help");
        err.flush();
        return ExitCode.BAD_INPUT;
    }

    @Override
    public int handleExecutionException(Exception problem, CommandLine commandLine, ParseResult parseResult) {
        var err = commandLine.getErr();
        int code = switch (problem) {
            case GatehouseException gatehouse when gatehouse.getClass() != GatehouseException.class -> {
                err.println("error: " + gatehouse.getMessage());
                yield ExitCode.BAD_INPUT;
            }
            case CommandFailedException failed -> {
                err.println("error: " + failed.getMessage());
                yield ExitCode.FAILED;
            }
            case MigrationException migration -> {
                err.println("error: " + migration.getMessage());
                yield ExitCode.FAILED;
            }
            default -> {
                err.println(sqlCause(problem)
                        .map(sql -> "error: the database failed: " + sql.getMessage())
                        .orElseGet(() -> "error: " + problem.getClass().getSimpleName() + ": " + problem.getMessage()));
                yield ExitCode.FAILED;
            }
        };
        err.flush();
        return code;
    }

    private static Optional<SQLException> sqlCause(Throwable problem) {
        for (Throwable cause = problem; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql) {
                return Optional.of(sql);
            }
        }
        return Optional.empty();
    }
}
