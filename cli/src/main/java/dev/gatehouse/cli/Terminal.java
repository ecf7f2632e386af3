package dev.gatehouse.cli;

import java.io.Console;
import java.util.Optional;

/** The person at the keyboard, if there is one: passwords are read from it without echo, and progress is shown on it. */
interface Terminal {
    /** A run without a terminal: under a script, a pipe or a test. */
    Terminal NONE = new Terminal() {
        @Override
        public boolean isInteractive() {
            return false;
        }

        @Override
        public Optional<char[]> readPassword(String prompt) {
            return Optional.empty();
        }
    };

    /** @return whether a person can answer prompts and see a progress bar */
    boolean isInteractive();

    /** @return what the person typed, not echoed; empty when there is no terminal or the input ended */
    Optional<char[]> readPassword(String prompt);

    /** @return the terminal of this process, or {@link #NONE} when standard input or output is redirected */
    static Terminal system() {
        Console console = System.console();
        if (console == null || !isTerminal(console)) {
            return NONE;
        }
        return new Terminal() {
            @Override
            public boolean isInteractive() {
                return true;
            }

            @Override
            public Optional<char[]> readPassword(String prompt) {
                return Optional.ofNullable(console.readPassword("%s", prompt));
            }
        };
    }

    /** Since JDK 22 a console may exist while the streams are redirected; {@code Console.isTerminal()} tells. */
    private static boolean isTerminal(Console console) {
        try {
            return (boolean) Console.class.getMethod("isTerminal").invoke(console);
        } catch (ReflectiveOperationException olderThanJdk22) {
            return true;
        }
    }
}
