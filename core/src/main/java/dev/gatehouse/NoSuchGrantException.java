package dev.gatehouse;

/** The grant or role assignment to revoke is not stored. */
public class NoSuchGrantException extends NotFoundException {
    private static final long serialVersionUID = 1L;

    /** @param message what went wrong, naming the offending value */
    public NoSuchGrantException(String message) {
        super(message);
    }

    /**
     * @param message what went wrong, naming the offending value
     * @param cause the library exception this one translates
     */
    public NoSuchGrantException(String message, Throwable cause) {
        super(message, cause);
    }
}
