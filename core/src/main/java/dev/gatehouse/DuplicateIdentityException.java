package dev.gatehouse;

/** The external identity (provider, external id) is already linked to a user. */
public class DuplicateIdentityException extends ConflictException {
    private static final long serialVersionUID = 1L;

    /** @param message what went wrong, naming the offending value */
    public DuplicateIdentityException(String message) {
        super(message);
    }

    /**
     * @param message what went wrong, naming the offending value
     * @param cause the library exception this one translates
     */
    public DuplicateIdentityException(String message, Throwable cause) {
        super(message, cause);
    }
}
