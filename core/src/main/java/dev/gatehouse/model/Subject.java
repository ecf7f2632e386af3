package dev.gatehouse.model;

import dev.gatehouse.internal.Checks;

/** Who is asking: nobody in particular, or a user (whose principals are resolved when a decision is made). */
public sealed interface Subject permits Subject.Anonymous, Subject.OfUser {
    static Subject anonymous() {
        return Anonymous.INSTANCE;
    }

    static Subject user(UserId id) {
        return new OfUser(id);
    }

    /** The anonymous visitor; its only principal is {@code system.Everyone}. */
    enum Anonymous implements Subject {
        INSTANCE;

        @Override
        public String toString() {
            return "anonymous";
        }
    }

    /** A user; unknown, deleted or disabled users are treated as anonymous. @param id the user */
    record OfUser(UserId id) implements Subject {
        public OfUser {
            Checks.notNull(id, "user id");
        }

        @Override
        public String toString() {
            return "user:" + id;
        }
    }
}
