package dev.gatehouse;

/** No resource has the given id. */
public class NoSuchResourceException extends NotFoundException {
    private static final long serialVersionUID = 1L;

    /** @param message what went wrong, naming the offending value */
    public NoSuchResourceException(String message) {
        super(message);
    }

    /**
     * @param message what went wrong, naming the offending value
     * @param cause the library exception this one translates
     */
    public NoSuchResourceException(String message, Throwable cause) {
        super(message, cause);
    }
}
