package dev.gatehouse.benchmarks;

/**
 * One question to time: an operation, and for the axes the point it is asked at.
 *
 * @param operation what is asked
 * @param point the depth ({@link Operation#CHECK_AT_DEPTH}) or group count ({@link Operation#CHECK_WITH_GROUPS});
 *     0 for the other operations
 */
public record Task(Operation operation, int point) {
    public Task {
        if (operation.isAxis() != (point > 0)) {
            throw new IllegalArgumentException(operation + " takes " + (operation.isAxis() ? "a" : "no") + " point");
        }
    }

    public static Task of(Operation operation) {
        return new Task(operation, 0);
    }

    public String label() {
        return switch (operation) {
            case CHECK_AT_DEPTH -> "check at depth " + point;
            case CHECK_WITH_GROUPS -> "check with " + point + (point == 1 ? " group" : " groups");
            default -> operation.label();
        };
    }
}
