package dev.gatehouse;

/** No user has the given id or name. */
public class NoSuchUserException extends NotFoundException {
    private static final long serialVersionUID = 1L;

    /** @param message what went wrong, naming the offending value */
    public NoSuchUserException(String message) {
        super(message);
    }

    /**
     * @param message what went wrong, naming the offending value
     * @param cause the library exception this one translates
     */
    public NoSuchUserException(String message, Throwable cause) {
        super(message, cause);
    }
}
