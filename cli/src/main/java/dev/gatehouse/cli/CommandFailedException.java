package dev.gatehouse.cli;

/**
 * A command could not do its work for a reason other than bad input (the database cannot be reached, has no schema,
 * …). Its message is shown as it is; the command exits with {@link ExitCode#FAILED}.
 */
final class CommandFailedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    CommandFailedException(String message) {
        super(message);
    }

    CommandFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
