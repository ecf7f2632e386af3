package dev.gatehouse;

/** Another user already has this user name (compared case-insensitively). */
public class UserNameTakenException extends ConflictException {
    private static final long serialVersionUID = 1L;

    /** @param message what went wrong, naming the offending value */
    public UserNameTakenException(String message) {
        super(message);
    }

    /**
     * @param message what went wrong, naming the offending value
     * @param cause the library exception this one translates
     */
    public UserNameTakenException(String message, Throwable cause) {
        super(message, cause);
    }
}
