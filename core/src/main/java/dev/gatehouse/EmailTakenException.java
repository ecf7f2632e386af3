package dev.gatehouse;

/** Another user already has this email address (compared case-insensitively). */
public class EmailTakenException extends ConflictException {
    private static final long serialVersionUID = 1L;

    /** @param message what went wrong, naming the offending value */
    public EmailTakenException(String message) {
        super(message);
    }

    /**
     * @param message what went wrong, naming the offending value
     * @param cause the library exception this one translates
     */
    public EmailTakenException(String message, Throwable cause) {
        super(message, cause);
    }
}
