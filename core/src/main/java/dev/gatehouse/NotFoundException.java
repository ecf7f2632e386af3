package dev.gatehouse;

/** Something the call refers to does not exist; nothing was written. */
public class NotFoundException extends GatehouseException {
    private static final long serialVersionUID = 1L;

    /** @param message what went wrong, naming the offending value */
    public NotFoundException(String message) {
        super(message);
    }

    /**
     * @param message what went wrong, naming the offending value
     * @param cause the library exception this one translates
     */
    public NotFoundException(String message, Throwable cause) {
        super(message, cause);
    }
}
