package dev.gatehouse.cli;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * What a command reads from the world around it, so tests can give it another one.
 *
 * @param variables the environment variables
 * @param workingDirectory where relative paths (the default database, import files) start
 * @param standardInput where {@code --password-stdin} reads from
 * @param terminal the person at the keyboard, if any
 */
record Environment(Map<String, String> variables, Path workingDirectory, InputStream standardInput, Terminal terminal) {
    /** Names the database's JDBC URL. */
    static final String URL_VARIABLE = "GATEHOUSE_URL";
    /** Names the database user. */
    static final String USER_VARIABLE = "GATEHOUSE_USER";
    /** Holds the database password. */
    static final String PASSWORD_VARIABLE = "GATEHOUSE_PASSWORD";

    Environment {
        variables = Map.copyOf(variables);
    }

    static Environment system() {
        return new Environment(System.getenv(), Path.of("").toAbsolutePath(), System.in, Terminal.system());
    }

    Optional<String> variable(String name) {
        return Optional.ofNullable(variables.get(name)).filter(value -> !value.isEmpty());
    }

    Path resolve(String path) {
        return workingDirectory.resolve(path).normalize();
    }
}
