package dev.gatehouse;

/** A position is outside 1..max among the siblings it would join. */
public class InvalidPositionException extends InvalidInputException {
    private static final long serialVersionUID = 1L;

    /** @param message what went wrong, naming the offending value */
    public InvalidPositionException(String message) {
        super(message);
    }

    /**
     * @param message what went wrong, naming the offending value
     * @param cause the library exception this one translates
     */
    public InvalidPositionException(String message, Throwable cause) {
        super(message, cause);
    }
}
