package dev.gatehouse;

/** The store does not declare the capability this operation needs. */
public class UnsupportedCapabilityException extends GatehouseException {
    private static final long serialVersionUID = 1L;

    /** @param message what went wrong, naming the offending value */
    public UnsupportedCapabilityException(String message) {
        super(message);
    }

    /**
     * @param message what went wrong, naming the offending value
     * @param cause the library exception this one translates
     */
    public UnsupportedCapabilityException(String message, Throwable cause) {
        super(message, cause);
    }
}
