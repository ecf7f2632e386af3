package dev.gatehouse;

/** The call would break a uniqueness or structural rule; nothing was written. */
public class ConflictException extends GatehouseException {
    private static final long serialVersionUID = 1L;

    /** @param message what went wrong, naming the offending value */
    public ConflictException(String message) {
        super(message);
    }

    /**
     * @param message what went wrong, naming the offending value
     * @param cause the library exception this one translates
     */
    public ConflictException(String message, Throwable cause) {
        super(message, cause);
    }
}
