package dev.gatehouse;

/** Another group already has this name (compared case-insensitively). */
public class GroupNameTakenException extends ConflictException {
    private static final long serialVersionUID = 1L;

    /** @param message what went wrong, naming the offending value */
    public GroupNameTakenException(String message) {
        super(message);
    }

    /**
     * @param message what went wrong, naming the offending value
     * @param cause the library exception this one translates
     */
    public GroupNameTakenException(String message, Throwable cause) {
        super(message, cause);
    }
}
