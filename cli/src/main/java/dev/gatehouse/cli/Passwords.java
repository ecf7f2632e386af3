package dev.gatehouse.cli;

import dev.gatehouse.InvalidInputException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** Reads a user's new password from the terminal (twice, without echo) or from the first line of standard input. */
final class Passwords {
    private Passwords() {}

    /**
     * @param fromStandardInput read the first line of standard input instead of asking
     * @throws InvalidInputException when there is no password to read, or the two typed passwords differ
     */
    static char[] read(Environment environment, String userName, boolean fromStandardInput) {
        if (fromStandardInput) {
            return firstLine(environment);
        }
        var terminal = environment.terminal();
        if (!terminal.isInteractive()) {
            throw new InvalidInputException("no terminal to ask for the password on: pipe it in with --password-stdin");
        }
        var first = terminal.readPassword("new password for " + userName + ": ").orElseThrow(Passwords::nothingTyped);
        var second = terminal.readPassword("the same again: ").orElseThrow(Passwords::nothingTyped);
        try {
            if (!Arrays.equals(first, second)) {
                throw new InvalidInputException("the two passwords differ; nothing was changed");
            }
            return checked(first);
        } finally {
            Arrays.fill(second, '\0');
        }
    }

    private static char[] firstLine(Environment environment) {
        try {
            var reader = new BufferedReader(new InputStreamReader(environment.standardInput(), StandardCharsets.UTF_8));
            var line = reader.readLine();
            if (line == null) {
                throw nothingTyped();
            }
            return checked(line.toCharArray());
        } catch (IOException e) {
            throw new InvalidInputException("cannot read the password from standard input: " + e.getMessage(), e);
        }
    }

    private static char[] checked(char[] password) {
        if (password.length == 0) {
            throw new InvalidInputException("the password is empty");
        }
        return password;
    }

    private static InvalidInputException nothingTyped() {
        return new InvalidInputException("no password was given");
    }
}
