package dev.gatehouse;

/**
 * The root of every exception Gatehouse throws. Subclasses are named after the condition, so callers catch what
 * they can handle ({@link NoSuchUserException}, {@link DuplicateGrantException}, {@link TreeCycleException}, …)
 * and stores translate their data-access library's exceptions into these types.
 */
public class GatehouseException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** @param message what went wrong, naming the offending value */
    public GatehouseException(String message) {
        super(message);
    }

    /**
     * @param message what went wrong, naming the offending value
     * @param cause the library exception this one translates
     */
    public GatehouseException(String message, Throwable cause) {
        super(message, cause);
    }
}
