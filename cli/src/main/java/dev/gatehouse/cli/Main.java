package dev.gatehouse.cli;

/** Starts the {@code gatehouse} command line; exits with the command's code (0 done or allowed, 1 denied, 2 bad input). */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        // Hibernate logs through JBoss Logging, which would pick java.util.logging; send it to SLF4J (silent) instead
        System.setProperty("org.jboss.logging.provider", "slf4j");
        System.exit(GatehouseCommand.commandLine(Environment.system()).execute(args));
    }
}
