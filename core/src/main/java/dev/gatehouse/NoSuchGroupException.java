package dev.gatehouse;

/** No group has the given id or name. */
public class NoSuchGroupException extends NotFoundException {
    private static final long serialVersionUID = 1L;

    /** @param message what went wrong, naming the offending value */
    public NoSuchGroupException(String message) {
        super(message);
    }

    /**
     * @param message what went wrong, naming the offending value
     * @param cause the library exception this one translates
     */
    public NoSuchGroupException(String message, Throwable cause) {
        super(message, cause);
    }
}
