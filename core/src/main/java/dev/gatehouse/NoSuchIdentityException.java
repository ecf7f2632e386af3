package dev.gatehouse;

/** No external identity is linked for the given provider and external id. */
public class NoSuchIdentityException extends NotFoundException {
    private static final long serialVersionUID = 1L;

    /** @param message what went wrong, naming the offending value */
    public NoSuchIdentityException(String message) {
        super(message);
    }

    /**
     * @param message what went wrong, naming the offending value
     * @param cause the library exception this one translates
     */
    public NoSuchIdentityException(String message, Throwable cause) {
        super(message, cause);
    }
}
