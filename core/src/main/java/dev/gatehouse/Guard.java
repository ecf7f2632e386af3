package dev.gatehouse;

import dev.gatehouse.internal.Checks;
import dev.gatehouse.model.Permission;
import dev.gatehouse.model.ResourceId;
import dev.gatehouse.model.Subject;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * Guards code with a permission. {@link #require} throws; {@link #protect} wraps an operation in the spirit of
 * guardrail's decorator: it loads the agent and the target from the caller's keys, checks, and only then runs the
 * operation. Fail-closed: a loader that finds nothing, a denied check, or any exception on the way means the
 * operation does not run. Thread-safe.
 */
public final class Guard {
    private final Permissions permissions;

    Guard(Permissions permissions) {
        this.permissions = permissions;
    }

    /** What went wrong when a protected operation did not run. */
    public enum Failure {
        /** The agent loader found nobody. */
        AGENT_NOT_FOUND,
        /** The target loader found nothing. */
        TARGET_NOT_FOUND,
        /** The agent lacks the permission on the target. */
        FORBIDDEN
    }

    /**
     * @throws ForbiddenException naming the subject, permission and resource when the check fails
     * @throws NoSuchResourceException if the resource does not exist
     */
    public void require(Subject subject, Permission permission, ResourceId resource) {
        if (!permissions.check(subject, permission, resource)) {
            throw new ForbiddenException(subject + " lacks '" + permission + "' on resource " + resource);
        }
    }

    /** @throws ForbiddenException when the subject lacks the permission at the global level */
    public void require(Subject subject, Permission permission) {
        if (!permissions.check(subject, permission)) {
            throw new ForbiddenException(subject + " lacks global permission '" + permission + "'");
        }
    }

    /**
     * Wraps an operation so that it runs only when the loaded agent holds {@code permission} on the loaded target.
     *
     * @param permission the permission the operation requires
     * @param agentLoader finds the subject for the caller's agent key; empty when there is none
     * @param targetLoader finds the resource for the caller's target key; empty when there is none
     * @param onFailure turns a failure into the operation's result (or throws); the operation does not run
     * @param operation the guarded code, given the loaded subject and resource
     * @return a function of (agent key, target key)
     */
    public <A, T, R> BiFunction<A, T, R> protect(
            Permission permission,
            Function<A, Optional<Subject>> agentLoader,
            Function<T, Optional<ResourceId>> targetLoader,
            Function<Failure, R> onFailure,
            BiFunction<Subject, ResourceId, R> operation) {
        Checks.notNull(permission, "permission");
        Checks.notNull(agentLoader, "agentLoader");
        Checks.notNull(targetLoader, "targetLoader");
        Checks.notNull(onFailure, "onFailure");
        Checks.notNull(operation, "operation");
        return (agentKey, targetKey) -> {
            var agent = agentLoader.apply(agentKey);
            if (agent == null || agent.isEmpty()) {
                return onFailure.apply(Failure.AGENT_NOT_FOUND);
            }
            var target = targetLoader.apply(targetKey);
            if (target == null || target.isEmpty() || permissions.resourceMissing(target.get())) {
                return onFailure.apply(Failure.TARGET_NOT_FOUND);
            }
            if (!permissions.check(agent.get(), permission, target.get())) {
                return onFailure.apply(Failure.FORBIDDEN);
            }
            return operation.apply(agent.get(), target.get());
        };
    }
}
