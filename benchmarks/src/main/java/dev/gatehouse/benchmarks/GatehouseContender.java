package dev.gatehouse.benchmarks;

import dev.gatehouse.Gatehouse;
import dev.gatehouse.Permissions;
import dev.gatehouse.ResolvedSubject;
import dev.gatehouse.WhoOptions;
import dev.gatehouse.model.Grant;
import dev.gatehouse.model.PageRequest;
import dev.gatehouse.model.Permission;
import dev.gatehouse.model.Principal;
import dev.gatehouse.model.ResourceId;
import dev.gatehouse.model.Subject;
import dev.gatehouse.model.UserId;
import dev.gatehouse.spi.GatehouseStore;
import dev.gatehouse.spi.ResourceFilter;
import java.util.ArrayDeque;
import java.util.Optional;
import java.util.OptionalInt;

/** Gatehouse's façade over one backend's store: every question, the way an application asks it. */
final class GatehouseContender implements Contender {
    private static final Permission EDIT = Permission.of(World.PERMISSIONS.get(World.EDIT));
    private static final Permission MANAGE = Permission.of(World.PERMISSIONS.get(World.MANAGE));
    private static final int PAGE = 50;

    private final String name;
    private final String where;
    private final World world;
    private final Gatehouse gatehouse;
    private final Permissions permissions;
    private final Optional<String> listingSkipped;

    /**
     * @param listingSkipped empty, or why this backend does not run the listing operations at this size (the
     *     reference store scans every grant for every candidate)
     */
    GatehouseContender(String name, String where, World world, GatehouseStore store, Optional<String> listingSkipped) {
        this.name = name;
        this.where = where;
        this.world = world;
        this.gatehouse = Gatehouse.builder(store).build();
        this.permissions = gatehouse.permissions();
        this.listingSkipped = listingSkipped;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String where() {
        return where;
    }

    @Override
    public Answer prepare(Task task) {
        var landmarks = world.landmarks();
        var checked = resource(landmarks.checkedResource());
        return switch (task.operation()) {
            case FLOOR -> Contender.notAnswered("the floor is plain JDBC");
            case CHECK_KNOWN -> {
                var checker = resolve(landmarks.checker());
                yield Contender.ready(() -> permissions.check(checker, EDIT, checked));
            }
            case CHECK_UNKNOWN -> {
                var checker = Subject.user(UserId.of(landmarks.checker()));
                yield Contender.ready(() -> permissions.check(checker, EDIT, checked));
            }
            case CHECK_ALL -> {
                var checker = resolve(landmarks.checker());
                var resources = landmarks.checkAllResources().stream().map(GatehouseContender::resource).toList();
                yield Contender.ready(() -> permissions.checkAll(checker, EDIT, resources));
            }
            case FIRST_PAGE_NARROW -> page(landmarks.narrowUser(), PageRequest.first(PAGE));
            case DEEP_PAGE_NARROW -> page(landmarks.narrowUser(),
                    PageRequest.after(PageRequest.cursorAfter(landmarks.narrowDeepPageAfter()), PAGE));
            case FIRST_PAGE_BROAD -> page(landmarks.broadUser(), PageRequest.first(PAGE));
            case DEEP_PAGE_BROAD -> page(landmarks.broadUser(),
                    PageRequest.after(PageRequest.cursorAfter(landmarks.broadDeepPageAfter()), PAGE));
            case COUNT_BROAD -> {
                if (listingSkipped.isPresent()) {
                    yield Contender.notAnswered(listingSkipped.get());
                }
                var broad = Subject.user(UserId.of(landmarks.broadUser()));
                yield Contender.ready(() -> permissions.countAccessible(broad, EDIT, ResourceFilter.ANY));
            }
            case WHO_CAN -> Contender.ready(() -> permissions.whoCan(checked, EDIT, WhoOptions.USERS));
            case GRANT -> Contender.ready(new Granting());
            case REVOKE -> Contender.ready(new Revoking());
            case MOVE_SUBTREE -> Contender.ready(new Moving());
            case SIGN_IN -> {
                String login = world.userName(landmarks.signInUser());
                String password = landmarks.signInPassword();
                yield Contender.ready(() -> gatehouse.signIn().signIn(login, password).orElseThrow(
                        () -> new IllegalStateException(login + " could not sign in")));
            }
            case CHECK_AT_DEPTH -> {
                var checker = resolve(landmarks.checker());
                var node = resource(landmarks.spineAtDepth().get(task.point()));
                yield Contender.ready(() -> permissions.check(checker, EDIT, node));
            }
            case CHECK_WITH_GROUPS -> {
                var user = resolve(landmarks.groupAxisUsers().get(task.point()));
                yield Contender.ready(() -> permissions.check(user, EDIT, checked));
            }
        };
    }

    private Answer page(int user, PageRequest request) {
        if (listingSkipped.isPresent()) {
            return Contender.notAnswered(listingSkipped.get());
        }
        var subject = resolve(user);
        return Contender.ready(() -> permissions.accessible(subject, EDIT, ResourceFilter.ANY, request));
    }

    private ResolvedSubject resolve(int user) {
        return permissions.resolve(Subject.user(UserId.of(user)));
    }

    private static ResourceId resource(int id) {
        return ResourceId.of(id);
    }

    /** Grants {@code manage} on fresh (user, resource) pairs; revokes them after each batch. */
    private final class Granting implements Workload {
        private final FreshGrants fresh = new FreshGrants(world);
        private final ArrayDeque<Grant> granted = new ArrayDeque<>();

        @Override
        public Object run() {
            var grant = toGrant(fresh.next());
            permissions.grant(grant);
            granted.add(grant);
            return grant;
        }

        @Override
        public void afterBatch() {
            while (!granted.isEmpty()) {
                permissions.revoke(granted.poll());
            }
        }
    }

    /** Revokes grants of {@code manage} made before each batch. */
    private final class Revoking implements Workload {
        private final FreshGrants fresh = new FreshGrants(world);
        private final ArrayDeque<Grant> granted = new ArrayDeque<>();

        @Override
        public void beforeBatch(int calls) {
            for (int i = 0; i < calls; i++) {
                var grant = toGrant(fresh.next());
                permissions.grant(grant);
                granted.add(grant);
            }
        }

        @Override
        public Object run() {
            var grant = granted.poll();
            if (grant == null) {
                throw new IllegalStateException("more revokes than grants prepared for the batch");
            }
            permissions.revoke(grant);
            return grant;
        }

        @Override
        public void afterBatch() {
            while (!granted.isEmpty()) {
                permissions.revoke(granted.poll());
            }
        }
    }

    private static Grant toGrant(FreshGrants.Pair pair) {
        return Grant.on(resource(pair.resource()), Principal.user(UserId.of(pair.user())), MANAGE);
    }

    /** Moves the subtree to whichever of its two parents it is not under. */
    private final class Moving implements Workload {
        private final ResourceId subtree = resource(world.landmarks().movedSubtreeRoot());
        private final ResourceId parentA = resource(world.landmarks().moveParentA());
        private final ResourceId parentB = resource(world.landmarks().moveParentB());
        private ResourceId parent = gatehouse.resources().require(subtree).parentId().orElseThrow();

        @Override
        public Object run() {
            parent = parent.equals(parentA) ? parentB : parentA;
            return gatehouse.resources().move(subtree, Optional.of(parent), OptionalInt.empty());
        }
    }
}
