package dev.gatehouse.schema;

/** Migrating the Gatehouse schema failed, or the database is not one Gatehouse supports. */
public final class MigrationException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** @param message what went wrong, naming the database */
    public MigrationException(String message) {
        super(message);
    }

    /**
     * @param message what went wrong, naming the database
     * @param cause the underlying failure
     */
    public MigrationException(String message, Throwable cause) {
        super(message, cause);
    }
}
