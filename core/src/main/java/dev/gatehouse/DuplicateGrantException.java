package dev.gatehouse;

/** The same grant or role assignment is already stored. */
public class DuplicateGrantException extends ConflictException {
    private static final long serialVersionUID = 1L;

    /** @param message what went wrong, naming the offending value */
    public DuplicateGrantException(String message) {
        super(message);
    }

    /**
     * @param message what went wrong, naming the offending value
     * @param cause the library exception this one translates
     */
    public DuplicateGrantException(String message, Throwable cause) {
        super(message, cause);
    }
}
