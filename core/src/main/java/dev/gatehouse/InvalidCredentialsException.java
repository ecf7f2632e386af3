package dev.gatehouse;

/** A password, security code or ticket did not verify. */
public class InvalidCredentialsException extends GatehouseException {
    private static final long serialVersionUID = 1L;

    /** @param message what went wrong, naming the offending value */
    public InvalidCredentialsException(String message) {
        super(message);
    }

    /**
     * @param message what went wrong, naming the offending value
     * @param cause the library exception this one translates
     */
    public InvalidCredentialsException(String message, Throwable cause) {
        super(message, cause);
    }
}
