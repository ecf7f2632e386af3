package dev.gatehouse.cli;

/** The exit codes of every command. */
final class ExitCode {
    /** The command did its work; {@code check}: allowed. */
    static final int OK = 0;
    /** {@code check}: denied. */
    static final int DENIED = 1;
    /** Bad usage or bad input: an unknown option, user, resource or permission, a malformed import line… */
    static final int BAD_INPUT = 2;
    /** The command could not do its work: the database cannot be reached, or something unexpected broke. */
    static final int FAILED = 3;

    private ExitCode() {}
}
