package dev.gatehouse.tck;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.ResolvedSubject;
import dev.gatehouse.decision.Explanation;
import dev.gatehouse.decision.Source;
import dev.gatehouse.model.Grant;
import dev.gatehouse.model.PageRequest;
import dev.gatehouse.model.Permission;
import dev.gatehouse.model.Principal;
import dev.gatehouse.model.Resource;
import dev.gatehouse.model.ResourceId;
import dev.gatehouse.model.RoleAssignment;
import dev.gatehouse.model.Subject;
import dev.gatehouse.model.User;
import dev.gatehouse.spi.ResourceFilter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The kit's tests of statement budgets: constant round trips whatever the depth and group count. A check costs one
 * round trip once the subject's principals are known, two before (DESIGN §6, §9); the counts are exact.
 */
public abstract class StatementBudgetKit extends AreaKit {

    protected StatementBudgetKit(GatehouseCompatibilityKit kit) {
        super(kit);
    }

    /** A user in {@code groupCount} groups, each with a global role, the last group granted edit on {@code on}. */
    private User memberOfGroups(int groupCount, Resource on) {
        var user = fixture.user("member");
        for (int g = 0; g < groupCount; g++) {
            var group = fixture.group("group" + g, user);
            var role = g % 2 == 0 ? "viewer" : "editor";
            gatehouse.permissions().assignRole(RoleAssignment.global(group.principal(), role));
            if (g == groupCount - 1) {
                gatehouse.permissions().grant(Grant.on(on.id(), group.principal(), EDIT));
            }
        }
        return user;
    }

    private long resolvedCheckCost(ResolvedSubject subject, Permission permission, ResourceId resource,
            boolean expected) {
        var answer = new AtomicBoolean(!expected);
        long cost = fixture.roundTripsOf(() ->
                answer.set(gatehouse.permissions().check(subject, permission, resource)));
        assertThat(answer.get()).as("check(%s, %s, %s)", subject.subject(), permission, resource).isEqualTo(expected);
        return cost;
    }

    private long unresolvedCheckCost(Subject subject, Permission permission, ResourceId resource, boolean expected) {
        var answer = new AtomicBoolean(!expected);
        long cost = fixture.roundTripsOf(() ->
                answer.set(gatehouse.permissions().check(subject, permission, resource)));
        assertThat(answer.get()).as("check(%s, %s, %s)", subject, permission, resource).isEqualTo(expected);
        return cost;
    }

    @ParameterizedTest(name = "depth {0}")
    @ValueSource(ints = {2, 20, 60})
    @DisplayName("a check with a resolved subject costs exactly 1 round trip at any tree depth")
    void resolvedCheckAtDepth(int depth) {
        var chain = fixture.chain(depth);
        var alice = fixture.user("alice");
        gatehouse.permissions().grant(Grant.on(chain.get(0).id(), alice.principal(), EDIT));
        var resolved = gatehouse.permissions().resolve(Subject.user(alice.id()));
        var leaf = chain.get(depth - 1).id();

        assertThat(resolvedCheckCost(resolved, EDIT, leaf, true)).as("allowed by a grant on the root, depth %d", depth)
                .isEqualTo(1);
        assertThat(resolvedCheckCost(resolved, DELETE, leaf, false)).as("denied after the whole walk, depth %d", depth)
                .isEqualTo(1);
    }

    @ParameterizedTest(name = "depth {0}")
    @ValueSource(ints = {2, 20, 60})
    @DisplayName("a check with an unresolved subject costs exactly 2 round trips at any tree depth")
    void unresolvedCheckAtDepth(int depth) {
        var chain = fixture.chain(depth);
        var alice = fixture.user("alice");
        gatehouse.permissions().grant(Grant.on(chain.get(0).id(), alice.principal(), EDIT));
        var leaf = chain.get(depth - 1).id();

        assertThat(unresolvedCheckCost(Subject.user(alice.id()), EDIT, leaf, true)).as("depth %d", depth)
                .isEqualTo(2);
        assertThat(unresolvedCheckCost(Subject.user(alice.id()), DELETE, leaf, false)).as("depth %d", depth)
                .isEqualTo(2);
    }

    @Test
    @DisplayName("the cost of a check is flat in tree depth: the same at depth 2, 20 and 60")
    void checkCostIsFlatInDepth() {
        var chain = fixture.chain(60);
        var alice = fixture.user("alice");
        gatehouse.permissions().grant(Grant.on(chain.get(0).id(), alice.principal(), EDIT));
        var resolved = gatehouse.permissions().resolve(Subject.user(alice.id()));
        var resolvedCosts = new ArrayList<Long>();
        var unresolvedCosts = new ArrayList<Long>();

        for (int depth : List.of(2, 20, 60)) {
            var node = chain.get(depth - 1).id();
            resolvedCosts.add(resolvedCheckCost(resolved, EDIT, node, true));
            unresolvedCosts.add(unresolvedCheckCost(Subject.user(alice.id()), EDIT, node, true));
        }

        assertThat(resolvedCosts).as("resolved checks at depth 2, 20, 60").containsExactly(1L, 1L, 1L);
        assertThat(unresolvedCosts).as("unresolved checks at depth 2, 20, 60").containsExactly(2L, 2L, 2L);
    }

    @ParameterizedTest(name = "{0} groups")
    @ValueSource(ints = {1, 40})
    @DisplayName("a check costs 1 round trip resolved and 2 unresolved, for a user in 1 or in 40 groups")
    void checkWithGroups(int groupCount) {
        var chain = fixture.chain(10);
        var user = memberOfGroups(groupCount, chain.get(0));
        var subject = Subject.user(user.id());
        var resolved = gatehouse.permissions().resolve(subject);
        var leaf = chain.get(9).id();

        assertThat(resolved.principals()).as("the user's principals hold each group")
                .hasSizeGreaterThanOrEqualTo(3 + groupCount);
        assertThat(resolvedCheckCost(resolved, EDIT, leaf, true)).as("%d groups, resolved", groupCount).isEqualTo(1);
        assertThat(unresolvedCheckCost(subject, EDIT, leaf, true)).as("%d groups, unresolved", groupCount)
                .isEqualTo(2);
        assertThat(resolvedCheckCost(resolved, DELETE, leaf, false)).as("%d groups, denied", groupCount).isEqualTo(1);
    }

    @Test
    @DisplayName("the cost of a check is flat in group count: the same for 1 and for 40 groups")
    void checkCostIsFlatInGroups() {
        var root = fixture.root("root");
        var leaf = fixture.child(fixture.child(root, "middle"), "leaf");
        var few = fixture.user("few");
        var fewGroup = fixture.group("only", few);
        gatehouse.permissions().grant(Grant.on(root.id(), fewGroup.principal(), EDIT));
        var many = memberOfGroups(40, root);

        var costs = List.of(
                resolvedCheckCost(gatehouse.permissions().resolve(Subject.user(few.id())), EDIT, leaf.id(), true),
                resolvedCheckCost(gatehouse.permissions().resolve(Subject.user(many.id())), EDIT, leaf.id(), true),
                unresolvedCheckCost(Subject.user(few.id()), EDIT, leaf.id(), true),
                unresolvedCheckCost(Subject.user(many.id()), EDIT, leaf.id(), true));

        assertThat(costs).as("resolved (1 group, 40 groups), unresolved (1 group, 40 groups)")
                .containsExactly(1L, 1L, 2L, 2L);
    }

    @Test
    @DisplayName("resolving a user's principals costs exactly 1 round trip, even with 40 groups")
    void resolveCostsOne() {
        var root = fixture.root("root");
        var user = memberOfGroups(40, root);
        var resolved = new AtomicReference<ResolvedSubject>();

        long cost = fixture.roundTripsOf(() -> resolved.set(gatehouse.permissions().resolve(Subject.user(user.id()))));

        assertThat(cost).isEqualTo(1);
        assertThat(resolved.get().principals()).contains(Principal.AUTHENTICATED, user.principal(),
                Principal.role("viewer"), Principal.role("editor"));
    }

    @Test
    @DisplayName("checkAll of 50 resources with a resolved subject costs exactly 1 round trip")
    void checkAllCostsOne() {
        var root = fixture.root("root");
        var alice = fixture.user("alice");
        var ids = new ArrayList<ResourceId>();
        var parent = root;
        for (int i = 0; i < 50; i++) {
            var resource = i % 5 == 0 ? fixture.child(parent, "deep" + i) : fixture.child(root, "flat" + i);
            if (i % 5 == 0) {
                parent = resource;
            }
            ids.add(resource.id());
        }
        gatehouse.permissions().grant(Grant.on(root.id(), alice.principal(), EDIT));
        var resolved = gatehouse.permissions().resolve(Subject.user(alice.id()));
        var answers = new AtomicReference<Map<ResourceId, Boolean>>();

        long cost = fixture.roundTripsOf(() -> answers.set(gatehouse.permissions().checkAll(resolved, EDIT, ids)));

        assertThat(cost).isEqualTo(1);
        assertThat(answers.get()).hasSize(50).containsOnlyKeys(ids).doesNotContainValue(false);
        long unresolved = fixture.roundTripsOf(() -> gatehouse.permissions().checkAll(Subject.user(alice.id()), EDIT,
                ids));
        assertThat(unresolved).as("checkAll with an unresolved subject").isEqualTo(2);
    }

    @Test
    @DisplayName("explain with a resolved subject costs exactly 1 round trip, on a resource and globally")
    void explainCostsOne() {
        var chain = fixture.chain(12);
        var alice = fixture.user("alice");
        gatehouse.permissions().grant(Grant.on(chain.get(3).id(), alice.principal(), EDIT));
        var resolved = gatehouse.permissions().resolve(Subject.user(alice.id()));
        var explanation = new AtomicReference<Explanation>();

        long onResource = fixture.roundTripsOf(() ->
                explanation.set(gatehouse.permissions().explain(resolved, EDIT, chain.get(11).id())));

        assertThat(onResource).isEqualTo(1);
        assertThat(explanation.get().allowed()).isTrue();
        assertThat(explanation.get().source()).isEqualTo(Source.GRANT);
        assertThat(explanation.get().node()).contains(chain.get(3).id());

        long global = fixture.roundTripsOf(() -> explanation.set(gatehouse.permissions().explain(resolved, VIEW)));

        assertThat(global).as("a global explain").isEqualTo(1);
        assertThat(explanation.get().allowed()).as("authenticated users view by the default ACL").isTrue();
    }

    @Test
    @DisplayName("a check by the anonymous subject costs exactly 1 round trip: its principals need no lookup")
    void anonymousCheckCostsOne() {
        var chain = fixture.chain(20);

        assertThat(unresolvedCheckCost(Subject.anonymous(), VIEW, chain.get(19).id(), false)).isEqualTo(1);
    }

    @Test
    @DisplayName("a page of accessible resources costs at most 2 round trips (resolved subject, no candidate refused)")
    void accessiblePageWithinBudget() {
        var alice = fixture.user("alice");
        var granted = new ArrayList<ResourceId>();
        for (int t = 0; t < 3; t++) {
            var root = fixture.root("tree" + t);
            granted.add(root.id());
            var parent = root;
            for (int i = 0; i < 8; i++) {
                var child = fixture.child(i % 2 == 0 ? parent : root, "n" + t + "." + i);
                granted.add(child.id());
                parent = child;
            }
            gatehouse.permissions().grant(Grant.on(root.id(), alice.principal(), EDIT));
        }
        fixture.root("not granted");
        var resolved = gatehouse.permissions().resolve(Subject.user(alice.id()));

        var first = fixture.withinBudget(2, "the first page of accessible resources", () ->
                gatehouse.permissions().accessible(resolved, EDIT, ResourceFilter.ANY, PageRequest.first(10)));
        var second = fixture.withinBudget(2, "the next page of accessible resources", () ->
                gatehouse.permissions().accessible(resolved, EDIT, ResourceFilter.ANY,
                        PageRequest.after(first.next().orElseThrow(), 10)));
        var last = fixture.withinBudget(2, "the last page of accessible resources", () ->
                gatehouse.permissions().accessible(resolved, EDIT, ResourceFilter.ANY,
                        PageRequest.after(second.next().orElseThrow(), 10)));

        granted.sort(null);
        var listed = new ArrayList<ResourceId>(first.items());
        listed.addAll(second.items());
        listed.addAll(last.items());
        assertThat(listed).isEqualTo(granted);
        assertThat(last.hasNext()).isFalse();
    }
}
