package dev.gatehouse.spi;

import dev.gatehouse.model.Principal;
import dev.gatehouse.model.ResourceId;
import dev.gatehouse.model.UserId;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The fact and candidate queries decisions are made from. An SQL store answers each method in a constant number of
 * statements (one, for the first three), whatever the tree depth or group count. A store never decides: it returns
 * facts, and core applies {@link dev.gatehouse.decision.Authorizer}.
 */
public interface AccessQueries {
    /** @return the user's status, groups and global roles; empty for an unknown user */
    Optional<SubjectFacts> subjectFacts(UserId user);

    /** @return {@link #subjectFacts(UserId)} for each known user among {@code users} */
    Map<UserId, SubjectFacts> subjectFacts(Collection<UserId> users);

    /**
     * @param principals the principals to fetch ACEs, grants and roles for (others may be left out)
     * @param resources the resources to fetch lineages for; may be empty for global facts alone
     * @return global grants and lineages
     */
    AccessFacts accessFacts(Set<Principal> principals, Set<ResourceId> resources);

    /** @return candidate resources as {@link CandidateQuery} defines them */
    List<ResourceId> candidates(CandidateQuery query);

    /**
     * @return a superset of the users that may hold a permission on {@code resource} (disabled users too: they
     *     hold what anonymous visitors hold), in id order after {@code afterId}, at most {@code limit}; a store may
     *     simply return every user
     */
    List<UserId> candidateUsers(ResourceId resource, long afterId, int limit);
}
