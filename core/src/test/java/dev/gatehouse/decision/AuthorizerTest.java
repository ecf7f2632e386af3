package dev.gatehouse.decision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gatehouse.InvalidInputException;
import dev.gatehouse.NoSuchRoleException;
import dev.gatehouse.model.Ace;
import dev.gatehouse.model.Acl;
import dev.gatehouse.model.Grant;
import dev.gatehouse.model.GroupId;
import dev.gatehouse.model.Permission;
import dev.gatehouse.model.Principal;
import dev.gatehouse.model.ResourceId;
import dev.gatehouse.model.RoleAssignment;
import dev.gatehouse.model.Subject;
import dev.gatehouse.model.UserId;
import dev.gatehouse.model.UserStatus;
import dev.gatehouse.spi.NodeFacts;
import dev.gatehouse.spi.SubjectFacts;
import dev.gatehouse.spi.TypeScope;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("The decision algebra")
class AuthorizerTest {
    static final Permission VIEW = Permission.of("view");
    static final Permission EDIT = Permission.of("edit");
    static final Permission DELETE = Permission.of("delete");
    static final Permission LOGIN = Permission.of("login");
    static final UserId ALICE = UserId.of(1);
    static final UserId BOB = UserId.of(2);
    static final GroupId STAFF = GroupId.of(10);
    static final ResourceId ROOT = ResourceId.of(100);
    static final ResourceId FOLDER = ResourceId.of(101);
    static final ResourceId DOC = ResourceId.of(102);

    final Authorizer authorizer = Authorizer.defaults();

    /** Alice, active, in group staff, without global roles. */
    final Set<Principal> alice = authorizer.principals(Subject.user(ALICE),
            Optional.of(new SubjectFacts(ALICE, UserStatus.ACTIVE, Set.of(STAFF), Set.of(), Set.of())));

    static Node node(ResourceId id) {
        return new Node(id);
    }

    /** Builds NodeFacts readably. */
    static final class Node {
        final ResourceId id;
        String type = "folder";
        boolean inherit = true;
        Optional<UserId> ownerUser = Optional.empty();
        Optional<GroupId> ownerGroup = Optional.empty();
        final List<Ace> aces = new ArrayList<>();
        final List<Grant> grants = new ArrayList<>();
        final List<RoleAssignment> roles = new ArrayList<>();

        Node(ResourceId id) {
            this.id = id;
        }

        Node ace(Ace ace) {
            aces.add(ace);
            return this;
        }

        Node grant(Principal who, Permission permission) {
            grants.add(Grant.on(id, who, permission));
            return this;
        }

        Node role(Principal who, String role) {
            roles.add(RoleAssignment.on(id, who, role));
            return this;
        }

        Node owner(UserId user) {
            ownerUser = Optional.of(user);
            return this;
        }

        Node ownerGroup(GroupId group) {
            ownerGroup = Optional.of(group);
            return this;
        }

        Node stop() {
            inherit = false;
            return this;
        }

        Node type(String newType) {
            type = newType;
            return this;
        }

        NodeFacts facts() {
            return new NodeFacts(id, type, inherit, ownerUser, ownerGroup, aces, grants, roles);
        }
    }

    Explanation decide(Set<Principal> principals, Permission permission, List<Grant> global, Node... lineage) {
        return authorizer.decide(principals, permission,
                java.util.Arrays.stream(lineage).map(Node::facts).toList(), global);
    }

    @Nested
    @DisplayName("Effective principals")
    class Principals {
        @Test
        @DisplayName("an anonymous subject has only system.Everyone")
        void anonymous() {
            assertThat(authorizer.principals(Subject.anonymous(), Optional.empty()))
                    .containsExactly(Principal.EVERYONE);
        }

        @Test
        @DisplayName("an active user has Everyone, Authenticated, itself, its groups and its global roles")
        void activeUser() {
            var principals = authorizer.principals(Subject.user(ALICE),
                    Optional.of(new SubjectFacts(ALICE, UserStatus.ACTIVE, Set.of(STAFF), Set.of("editor"), Set.of())));
            assertThat(principals).containsExactlyInAnyOrder(Principal.EVERYONE, Principal.AUTHENTICATED,
                    Principal.user(ALICE), Principal.group(STAFF), Principal.role("editor"));
        }

        @Test
        @DisplayName("a disabled user is anonymous")
        void disabledUser() {
            var principals = authorizer.principals(Subject.user(ALICE),
                    Optional.of(new SubjectFacts(ALICE, UserStatus.DISABLED, Set.of(STAFF), Set.of("admin"), Set.of())));
            assertThat(principals).containsExactly(Principal.EVERYONE);
        }

        @Test
        @DisplayName("an unknown user is anonymous")
        void unknownUser() {
            assertThat(authorizer.principals(Subject.user(ALICE), Optional.empty()))
                    .containsExactly(Principal.EVERYONE);
        }
    }

    @Nested
    @DisplayName("Pyramid's ACL cases")
    class Pyramid {
        @Test
        @DisplayName("the first matching entry wins, even when a later one says the opposite")
        void firstMatchWins() {
            var doc = node(DOC).ace(Ace.deny(Principal.user(ALICE), VIEW)).ace(Ace.allow(Principal.user(ALICE), VIEW));
            var result = decide(alice, VIEW, List.of(), doc);
            assertThat(result.allowed()).isFalse();
            assertThat(result.source()).isEqualTo(Source.EXPLICIT_ACL);
            assertThat(result.ace()).contains(Ace.deny(Principal.user(ALICE), VIEW));
        }

        @Test
        @DisplayName("an Allow before a Deny allows")
        void allowBeforeDeny() {
            var doc = node(DOC).ace(Ace.allow(Principal.group(STAFF), VIEW)).ace(Ace.deny(Principal.EVERYONE,
                    Permission.ALL));
            var result = decide(alice, VIEW, List.of(), doc);
            assertThat(result.allowed()).isTrue();
            assertThat(result.via()).isEqualTo(Via.GROUP);
        }

        @Test
        @DisplayName("entries for principals the subject lacks are skipped")
        void otherPrincipalsSkipped() {
            var doc = node(DOC).ace(Ace.deny(Principal.user(BOB), VIEW)).ace(Ace.allow(Principal.AUTHENTICATED, VIEW));
            var result = decide(alice, VIEW, List.of(), doc);
            assertThat(result.allowed()).isTrue();
            assertThat(result.via()).isEqualTo(Via.SYSTEM);
        }

        @Test
        @DisplayName("entries about other permissions are skipped")
        void otherPermissionsSkipped() {
            var doc = node(DOC).ace(Ace.deny(Principal.user(ALICE), EDIT)).ace(Ace.allow(Principal.user(ALICE), VIEW));
            assertThat(decide(alice, VIEW, List.of(), doc).allowed()).isTrue();
        }

        @Test
        @DisplayName("ALL in an entry matches every permission")
        void allMatchesEverything() {
            var doc = node(DOC).ace(Ace.allow(Principal.user(ALICE), Permission.ALL));
            assertThat(decide(alice, Permission.of("anything_at_all"), List.of(), doc).allowed()).isTrue();
        }

        @Test
        @DisplayName("a specific permission does not contain ALL")
        void specificDoesNotContainAll() {
            var doc = node(DOC).ace(Ace.allow(Principal.user(ALICE), VIEW));
            assertThat(decide(alice, Permission.ALL, List.of(), doc).allowed()).isFalse();
        }

        @Test
        @DisplayName("an ancestor's entry decides when the node itself has none, and is reported as inherited")
        void lineageWalk() {
            var root = node(ROOT).ace(Ace.allow(Principal.user(ALICE), EDIT));
            var result = decide(alice, EDIT, List.of(), node(DOC), node(FOLDER), root);
            assertThat(result.allowed()).isTrue();
            assertThat(result.node()).contains(ROOT);
            assertThat(result.inherited()).isTrue();
            assertThat(result.describe()).contains("inherited from resource 100");
        }

        @Test
        @DisplayName("the nearest node decides before its ancestors")
        void nearestFirst() {
            var root = node(ROOT).ace(Ace.allow(Principal.user(ALICE), EDIT));
            var folder = node(FOLDER).ace(Ace.deny(Principal.user(ALICE), EDIT));
            var result = decide(alice, EDIT, List.of(), node(DOC), folder, root);
            assertThat(result.allowed()).isFalse();
            assertThat(result.node()).contains(FOLDER);
        }

        @Test
        @DisplayName("Everyone matches the anonymous subject, Authenticated does not")
        void everyoneAndAuthenticated() {
            var anonymous = authorizer.principals(Subject.anonymous(), Optional.empty());
            var doc = node(DOC).ace(Ace.allow(Principal.AUTHENTICATED, EDIT)).ace(Ace.allow(Principal.EVERYONE, VIEW));
            assertThat(decide(anonymous, VIEW, List.of(), doc).allowed()).isTrue();
            assertThat(decide(anonymous, EDIT, List.of(), doc).allowed()).isFalse();
            assertThat(decide(alice, EDIT, List.of(), doc).allowed()).isTrue();
        }

        @Test
        @DisplayName("nothing matched anywhere means denied by the default ACL's Deny Everyone ALL")
        void defaultDeny() {
            var result = decide(alice, DELETE, List.of(), node(DOC));
            assertThat(result.allowed()).isFalse();
            assertThat(result.source()).isEqualTo(Source.BASE_ACL);
            assertThat(result.ace()).contains(Ace.deny(Principal.EVERYONE, Permission.ALL));
        }

        @Test
        @DisplayName("an empty base ACL leaves nothing matched: denied with no deciding entry")
        void noMatchAtAll() {
            var bare = new Authorizer(RoleCatalog.defaults(),
                    AclRegistry.defaults(RoleCatalog.defaults()).withDefaultAcl(Acl.EMPTY), Set.of());
            var result = bare.decide(alice, VIEW, List.of(node(DOC).facts()), List.of());
            assertThat(result.allowed()).isFalse();
            assertThat(result.source()).isEqualTo(Source.NO_MATCH);
            assertThat(result.via()).isEqualTo(Via.NONE);
            assertThat(result.describe()).contains("nothing matched");
        }
    }

    @Nested
    @DisplayName("The effective ACL of a node")
    class EffectiveAcl {
        @Test
        @DisplayName("explicit entries come before the owner, so a Deny beats ownership")
        void explicitBeforeOwner() {
            var doc = node(DOC).owner(ALICE).ace(Ace.deny(Principal.user(ALICE), EDIT));
            assertThat(decide(alice, EDIT, List.of(), doc).allowed()).isFalse();
        }

        @Test
        @DisplayName("the owner user holds the owner role's permissions")
        void ownerUser() {
            var result = decide(alice, DELETE, List.of(), node(DOC).owner(ALICE));
            assertThat(result.allowed()).isTrue();
            assertThat(result.source()).isEqualTo(Source.OWNER);
            assertThat(decide(alice, Permission.of("manage"), List.of(), node(DOC).owner(ALICE)).allowed())
                    .as("manage is the manager's, not the owner's").isFalse();
        }

        @Test
        @DisplayName("members of the owner group hold the owner role's permissions")
        void ownerGroup() {
            var result = decide(alice, EDIT, List.of(), node(DOC).ownerGroup(STAFF));
            assertThat(result.allowed()).isTrue();
            assertThat(result.source()).isEqualTo(Source.OWNER);
            assertThat(result.via()).isEqualTo(Via.GROUP);
        }

        @Test
        @DisplayName("owner permissions can be configured to ALL, as in Ziggurat")
        void ownerAll() {
            var ziggurat = new Authorizer(RoleCatalog.defaults(), AclRegistry.defaults(RoleCatalog.defaults()),
                    Set.of(Permission.ALL));
            assertThat(ziggurat.decide(alice, Permission.of("manage"), List.of(node(DOC).owner(ALICE).facts()),
                    List.of()).allowed()).isTrue();
        }

        @Test
        @DisplayName("a grant to one of the user's groups allows, via the group")
        void groupGrant() {
            var result = decide(alice, EDIT, List.of(), node(DOC).grant(Principal.group(STAFF), EDIT));
            assertThat(result.allowed()).isTrue();
            assertThat(result.source()).isEqualTo(Source.GRANT);
            assertThat(result.via()).isEqualTo(Via.GROUP);
        }

        @Test
        @DisplayName("a grant of ALL allows any permission")
        void grantOfAll() {
            assertThat(decide(alice, DELETE, List.of(), node(DOC).grant(Principal.user(ALICE), Permission.ALL))
                    .allowed()).isTrue();
        }

        @Test
        @DisplayName("a role on a resource allows the role's permissions, cascaded through included roles")
        void resourceRoleCascade() {
            var folder = node(FOLDER).role(Principal.user(ALICE), "editor");
            var view = decide(alice, VIEW, List.of(), node(DOC), folder);
            assertThat(view.allowed()).as("editor includes viewer includes authenticated's view").isTrue();
            assertThat(view.source()).isEqualTo(Source.RESOURCE_ROLE);
            assertThat(view.role()).contains("editor");
            assertThat(decide(alice, Permission.of("change_order"), List.of(), node(DOC), folder).allowed()).isTrue();
            assertThat(decide(alice, DELETE, List.of(), node(DOC), folder).allowed()).isFalse();
        }

        @Test
        @DisplayName("a role given on an ancestor does not reach past a node that does not inherit")
        void roleWithoutInheritance() {
            var folder = node(FOLDER).role(Principal.user(ALICE), "admin");
            assertThat(decide(alice, DELETE, List.of(), node(DOC), folder).allowed()).isTrue();
            assertThat(decide(alice, DELETE, List.of(), node(DOC).stop(), folder).allowed()).isFalse();
        }

        @Test
        @DisplayName("a node that does not inherit still decides with its own entries, then the global level")
        void stopStillUsesOwnEntriesAndGlobal() {
            var doc = node(DOC).stop().grant(Principal.user(ALICE), VIEW);
            var root = node(ROOT).ace(Ace.deny(Principal.user(ALICE), Permission.ALL));
            assertThat(decide(alice, VIEW, List.of(), doc, root).allowed()).isTrue();
            var global = List.of(Grant.global(Principal.user(ALICE), EDIT));
            var edit = decide(alice, EDIT, global, doc, root);
            assertThat(edit.allowed()).as("the root's Deny is not reached, the global grant is").isTrue();
            assertThat(edit.source()).isEqualTo(Source.GLOBAL_GRANT);
        }
    }

    @Nested
    @DisplayName("The global level")
    class Global {
        @Test
        @DisplayName("a global grant allows on every resource that has nothing to say")
        void globalGrant() {
            var result = decide(alice, DELETE, List.of(Grant.global(Principal.group(STAFF), DELETE)), node(DOC));
            assertThat(result.allowed()).isTrue();
            assertThat(result.source()).isEqualTo(Source.GLOBAL_GRANT);
            assertThat(result.node()).isEmpty();
        }

        @Test
        @DisplayName("a Deny on the lineage beats a global grant")
        void denyBeatsGlobal() {
            var doc = node(DOC).ace(Ace.deny(Principal.EVERYONE, DELETE));
            assertThat(decide(alice, DELETE, List.of(Grant.global(Principal.user(ALICE), DELETE)), doc).allowed())
                    .isFalse();
        }

        @Test
        @DisplayName("the default ACL gives authenticated users view, everyone login, and global roles their sets")
        void defaultAcl() {
            var anonymous = authorizer.principals(Subject.anonymous(), Optional.empty());
            assertThat(decide(alice, VIEW, List.of(), node(DOC)).allowed()).isTrue();
            assertThat(decide(anonymous, VIEW, List.of(), node(DOC)).allowed()).isFalse();
            assertThat(decide(anonymous, LOGIN, List.of(), node(DOC)).allowed()).isTrue();
            var editor = authorizer.principals(Subject.user(BOB),
                    Optional.of(new SubjectFacts(BOB, UserStatus.ACTIVE, Set.of(), Set.of("editor"), Set.of())));
            var result = decide(editor, EDIT, List.of(), node(DOC));
            assertThat(result.allowed()).isTrue();
            assertThat(result.via()).isEqualTo(Via.ROLE);
            assertThat(result.role()).contains("editor");
        }

        @Test
        @DisplayName("a type's registered base ACL replaces the default ACL for that type")
        void registeredType() {
            var catalog = RoleCatalog.defaults();
            var registry = AclRegistry.defaults(catalog)
                    .register("public_page", Acl.of(Ace.allow(Principal.EVERYONE, VIEW)));
            var custom = new Authorizer(catalog, registry, catalog.permissionsOf("owner"));
            var anonymous = custom.principals(Subject.anonymous(), Optional.empty());
            assertThat(custom.decide(anonymous, VIEW, List.of(node(DOC).type("public_page").facts()), List.of())
                    .allowed()).isTrue();
            assertThat(custom.decide(anonymous, VIEW, List.of(node(DOC).facts()), List.of()).allowed()).isFalse();
        }

        @Test
        @DisplayName("a check without a resource is the global level alone")
        void withoutResource() {
            assertThat(authorizer.decideGlobal(alice, VIEW, List.of()).allowed()).isTrue();
            assertThat(authorizer.decideGlobal(alice, EDIT, List.of()).allowed()).isFalse();
            assertThat(authorizer.decideGlobal(alice, EDIT, List.of(Grant.global(Principal.user(ALICE), EDIT)))
                    .allowed()).isTrue();
        }

        @Test
        @DisplayName("the types a base ACL alone allows are reported for candidate queries")
        void typesAllowedByBaseAcl() {
            var catalog = RoleCatalog.defaults();
            var registry = AclRegistry.defaults(catalog)
                    .register("secret", Acl.of(Ace.deny(Principal.EVERYONE, Permission.ALL)))
                    .register("public_page", Acl.of(Ace.allow(Principal.EVERYONE, EDIT)));
            var custom = new Authorizer(catalog, registry, Set.of());
            assertThat(custom.typesAllowedByBaseAcl(alice, VIEW))
                    .as("public_page has no entry for view, so it denies it")
                    .isEqualTo(new TypeScope(true, Set.of("secret", "public_page")));
            assertThat(custom.typesAllowedByBaseAcl(alice, EDIT)).isEqualTo(new TypeScope(false,
                    Set.of("public_page")));
        }
    }

    @Nested
    @DisplayName("The role catalog")
    class Catalog {
        @Test
        @DisplayName("the defaults cascade as cone.app's roles do")
        void defaults() {
            var catalog = RoleCatalog.defaults();
            assertThat(catalog.permissionsOf("viewer")).extracting(Permission::name)
                    .containsExactlyInAnyOrder("view", "list");
            assertThat(catalog.permissionsOf("owner")).isEqualTo(catalog.permissionsOf("admin"));
            assertThat(catalog.permissionsOf("manager")).containsAll(catalog.permissionsOf("admin"))
                    .contains(Permission.of("manage"));
            assertThat(catalog.rolesGranting(Permission.of("list")))
                    .containsExactlyInAnyOrder("viewer", "editor", "admin", "manager", "owner");
        }

        @Test
        @DisplayName("the default ACL lists the roles, then Everyone login, then Deny Everyone ALL")
        void defaultAclShape() {
            var entries = AclRegistry.defaultAclOf(RoleCatalog.defaults()).entries();
            assertThat(entries.get(0).principal()).isEqualTo(Principal.AUTHENTICATED);
            assertThat(entries.get(entries.size() - 2)).isEqualTo(Ace.allow(Principal.EVERYONE, LOGIN));
            assertThat(entries.get(entries.size() - 1)).isEqualTo(Ace.deny(Principal.EVERYONE, Permission.ALL));
            assertThat(entries).extracting(Ace::principal).doesNotContain(Principal.role("owner"));
        }

        @Test
        @DisplayName("an application can replace a role and the cascade follows")
        void replaceRole() {
            var catalog = RoleCatalog.defaults().with(Role.of("viewer", "list", "download").including("authenticated"));
            assertThat(catalog.permissionsOf("editor")).contains(Permission.of("download"));
        }

        @Test
        @DisplayName("a cycle of included roles is rejected, naming the cycle")
        void cycle() {
            assertThatThrownBy(() -> RoleCatalog.of(Role.of("a", "x").including("b"), Role.of("b", "y").including("a")))
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining("a -> b -> a");
        }

        @Test
        @DisplayName("including an unknown role is rejected, naming it")
        void unknownInclude() {
            assertThatThrownBy(() -> RoleCatalog.of(Role.of("a", "x").including("ghost")))
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining("ghost");
        }

        @Test
        @DisplayName("requiring an unknown role names it and the known ones")
        void requireUnknown() {
            assertThatThrownBy(() -> RoleCatalog.defaults().require("wizard"))
                    .isInstanceOf(NoSuchRoleException.class)
                    .hasMessageContaining("wizard")
                    .hasMessageContaining("editor");
        }
    }
}
