package dev.gatehouse;

/** The subject lacks the permission a guarded operation requires. */
public class ForbiddenException extends GatehouseException {
    private static final long serialVersionUID = 1L;

    /** @param message what went wrong, naming the offending value */
    public ForbiddenException(String message) {
        super(message);
    }

    /**
     * @param message what went wrong, naming the offending value
     * @param cause the library exception this one translates
     */
    public ForbiddenException(String message, Throwable cause) {
        super(message, cause);
    }
}
