package dev.gatehouse;

/** A move would make a resource its own ancestor. */
public class TreeCycleException extends ConflictException {
    private static final long serialVersionUID = 1L;

    /** @param message what went wrong, naming the offending value */
    public TreeCycleException(String message) {
        super(message);
    }

    /**
     * @param message what went wrong, naming the offending value
     * @param cause the library exception this one translates
     */
    public TreeCycleException(String message, Throwable cause) {
        super(message, cause);
    }
}
