package dev.gatehouse.benchmarks;

/** The questions the benchmarks ask, each of every contender that can answer it. */
public enum Operation {
    /** {@code SELECT 1 FROM gatehouse_grants WHERE resource_id = ? AND principal = ?}, through plain JDBC. */
    FLOOR("bare indexed SELECT (the floor)", Kind.READ),
    /** May the checker edit the checked resource, its principals fetched beforehand ({@code ResolvedSubject}). */
    CHECK_KNOWN("check, principals known", Kind.READ),
    /** The same, fetching the checker's principals (its groups) first. */
    CHECK_UNKNOWN("check, principals unknown", Kind.READ),
    /** The checker's edit permission on 100 resources, in one call. */
    CHECK_ALL("checkAll of 100 resources", Kind.READ),
    /** The first 50 resources the narrow user may edit. */
    FIRST_PAGE_NARROW("first page (50), narrow user", Kind.READ),
    /** 50 resources the narrow user may edit, 60% into its list (keyset). */
    DEEP_PAGE_NARROW("deep page (50), narrow user", Kind.READ),
    /** The first 50 resources the broad user may edit. */
    FIRST_PAGE_BROAD("first page (50), broad user", Kind.READ),
    /** 50 resources the broad user may edit, 90% into the id space (keyset). */
    DEEP_PAGE_BROAD("deep page (50), broad user", Kind.READ),
    /** How many resources the broad user may edit (nearly all). */
    COUNT_BROAD("count accessible, broad user", Kind.READ),
    /** Which users may edit the checked resource. */
    WHO_CAN("who may edit a resource", Kind.READ),
    /** Grant {@code manage} on a resource to a user who does not hold it. */
    GRANT("grant one entry", Kind.WRITE),
    /** Revoke such a grant. */
    REVOKE("revoke one entry", Kind.WRITE),
    /** Move the 1,000-node subtree to the other of its two parents. */
    MOVE_SUBTREE("move a 1,000-node subtree", Kind.TOGGLE),
    /** Sign the sign-in user in with its password (Argon2id), stamping its last login. */
    SIGN_IN("sign in", Kind.TOGGLE),
    /** {@link #CHECK_KNOWN} on the spine's node at a given depth. */
    CHECK_AT_DEPTH("check at depth", Kind.READ),
    /** {@link #CHECK_KNOWN} by a user in a given number of groups. */
    CHECK_WITH_GROUPS("check with groups", Kind.READ);

    /** How an operation is timed. */
    public enum Kind {
        /** Leaves the data as it was: JMH's sample mode, a median over single calls. */
        READ,
        /**
         * Changes the data, undone outside the measurement: JMH's single-shot mode over batches of a known size, so
         * each batch's grants can be prepared (or revoked) between iterations.
         */
        WRITE,
        /** Changes the data in a way every second call undoes, or harmlessly: sample mode like a read. */
        TOGGLE
    }

    private final String label;
    private final Kind kind;

    Operation(String label, Kind kind) {
        this.label = label;
        this.kind = kind;
    }

    public String label() {
        return label;
    }

    public Kind kind() {
        return kind;
    }

    /** @return whether the operation is measured at several points of an axis (depth or group count) */
    public boolean isAxis() {
        return this == CHECK_AT_DEPTH || this == CHECK_WITH_GROUPS;
    }
}
