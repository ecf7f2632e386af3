package dev.gatehouse;

/** An argument is malformed (a blank name, an upper-case permission, a negative limit…); nothing was written. */
public class InvalidInputException extends GatehouseException {
    private static final long serialVersionUID = 1L;

    /** @param message what went wrong, naming the offending value */
    public InvalidInputException(String message) {
        super(message);
    }

    /**
     * @param message what went wrong, naming the offending value
     * @param cause the library exception this one translates
     */
    public InvalidInputException(String message, Throwable cause) {
        super(message, cause);
    }
}
