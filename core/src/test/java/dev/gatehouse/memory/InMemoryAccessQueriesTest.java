package dev.gatehouse.memory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.model.Ace;
import dev.gatehouse.model.Acl;
import dev.gatehouse.model.Grant;
import dev.gatehouse.model.Group;
import dev.gatehouse.model.GroupId;
import dev.gatehouse.model.NewGroup;
import dev.gatehouse.model.NewResource;
import dev.gatehouse.model.NewUser;
import dev.gatehouse.model.Permission;
import dev.gatehouse.model.Principal;
import dev.gatehouse.model.ResourceId;
import dev.gatehouse.model.RoleAssignment;
import dev.gatehouse.model.User;
import dev.gatehouse.model.UserId;
import dev.gatehouse.model.UserStatus;
import dev.gatehouse.spi.CandidateQuery;
import dev.gatehouse.spi.NodeFacts;
import dev.gatehouse.spi.ResourceFilter;
import dev.gatehouse.spi.SubjectFacts;
import dev.gatehouse.spi.TypeScope;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("The in-memory store's fact and candidate queries")
class InMemoryAccessQueriesTest {
    private static final Permission VIEW = Permission.of("view");
    private static final Permission EDIT = Permission.of("edit");

    private InMemoryStore store;

    @BeforeEach
    void freshStore() {
        store = InMemoryStore.create();
    }

    private User user(String name) {
        return store.users().create(NewUser.named(name), Instant.EPOCH);
    }

    private Group group(String name) {
        return store.groups().create(NewGroup.named(name));
    }

    private ResourceId resource(NewResource resource) {
        return store.resources().create(resource).id();
    }

    @Nested
    @DisplayName("Subject facts")
    class SubjectFactsOfUsers {
        @Test
        @DisplayName("a user's facts are its status, its groups, and the global roles of the user and its groups")
        void facts() {
            var ann = user("ann");
            var staff = group("staff");
            var admins = group("admins");
            group("others");
            store.groups().addMember(staff.id(), ann.id());
            store.groups().addMember(admins.id(), ann.id());
            store.permissions().assignRole(RoleAssignment.global(ann.principal(), "viewer"));
            store.permissions().assignRole(RoleAssignment.global(staff.principal(), "editor"));
            store.permissions().assignRole(RoleAssignment.global(admins.principal(), "viewer"));
            var folder = resource(NewResource.of("folder", "folder"));
            store.permissions().assignRole(RoleAssignment.on(folder, ann.principal(), "manager"));
            store.users().setStatus(ann.id(), UserStatus.DISABLED);

            assertThat(store.access().subjectFacts(ann.id())).contains(new SubjectFacts(ann.id(),
                    UserStatus.DISABLED, Set.of(staff.id(), admins.id()), Set.of("viewer"), Set.of("editor", "viewer")));
        }

        @Test
        @DisplayName("an unknown user has no facts, and the batch form leaves it out")
        void unknownUser() {
            var ann = user("ann");

            assertThat(store.access().subjectFacts(UserId.of(9))).isEmpty();
            assertThat(store.access().subjectFacts(List.of(ann.id(), UserId.of(9), ann.id())))
                    .containsOnlyKeys(ann.id())
                    .containsEntry(ann.id(), store.access().subjectFacts(ann.id()).orElseThrow());
        }
    }

    @Nested
    @DisplayName("Access facts")
    class AccessFactsOfResources {
        @Test
        @DisplayName("global grants are those of the principals asked about")
        void globalGrants() {
            var ann = user("ann").principal();
            var bob = user("bob").principal();
            var folder = resource(NewResource.of("folder", "folder"));
            store.permissions().grant(Grant.global(ann, VIEW));
            store.permissions().grant(Grant.global(bob, VIEW));
            store.permissions().grant(Grant.on(folder, ann, EDIT));

            var facts = store.access().accessFacts(Set.of(ann, Principal.EVERYONE), Set.of());

            assertThat(facts.globalGrants()).containsExactly(Grant.global(ann, VIEW));
            assertThat(facts.lineages()).isEmpty();
        }

        @Test
        @DisplayName("each existing resource gets its lineage, nearest first, with type, inherit and owners")
        void lineage() {
            var ann = user("ann");
            var staff = group("staff");
            var root = resource(NewResource.of("root", "site").ownedByGroup(staff.id()));
            var folder = resource(NewResource.of("folder", "folder").under(root).notInheriting());
            var doc = resource(NewResource.of("doc", "document").under(folder).ownedBy(ann.id()));

            var facts = store.access().accessFacts(Set.of(ann.principal()), Set.of(doc, root, ResourceId.of(99)));

            assertThat(facts.lineages()).containsOnlyKeys(doc, root);
            assertThat(facts.lineages().get(doc)).extracting(NodeFacts::id).startsWith(doc, folder);
            assertThat(facts.lineages().get(doc).get(0)).isEqualTo(new NodeFacts(doc, "document", true,
                    Optional.of(ann.id()), Optional.empty(), List.of(), List.of(), List.of()));
            assertThat(facts.lineages().get(doc).get(1).inherit()).isFalse();
            assertThat(facts.lineages().get(root)).containsExactly(new NodeFacts(root, "site", true,
                    Optional.empty(), Optional.of(staff.id()), List.of(), List.of(), List.of()));
        }

        @Test
        @DisplayName("a node carries the ACEs, grants and roles of the principals asked about, ACEs in stored order")
        void nodeContents() {
            var ann = user("ann").principal();
            var bob = user("bob").principal();
            var staff = group("staff").principal();
            var folder = resource(NewResource.of("folder", "folder"));
            store.permissions().setAcl(folder, Acl.of(Ace.deny(ann, EDIT), Ace.allow(bob, VIEW),
                    Ace.allow(Principal.EVERYONE, VIEW), Ace.deny(staff, Permission.ALL)));
            store.permissions().grant(Grant.on(folder, ann, VIEW));
            store.permissions().grant(Grant.on(folder, bob, VIEW));
            store.permissions().assignRole(RoleAssignment.on(folder, staff, "editor"));
            store.permissions().assignRole(RoleAssignment.on(folder, bob, "editor"));

            var node = store.access().accessFacts(Set.of(ann, staff, Principal.EVERYONE), Set.of(folder))
                    .lineages().get(folder).get(0);

            assertThat(node.explicitAces()).containsExactly(Ace.deny(ann, EDIT), Ace.allow(Principal.EVERYONE, VIEW),
                    Ace.deny(staff, Permission.ALL));
            assertThat(node.grants()).containsExactly(Grant.on(folder, ann, VIEW));
            assertThat(node.roles()).containsExactly(RoleAssignment.on(folder, staff, "editor"));
        }
    }

    @Nested
    @DisplayName("Candidates")
    class Candidates {
        private Principal ann;
        private Principal staff;
        private Principal bob;
        private ResourceId site;
        private ResourceId folder;
        private ResourceId doc;
        private ResourceId other;

        /** site(1, "site") > folder(2, "folder", not inheriting) > doc(3, "document"); other(4, "folder") */
        @BeforeEach
        void tree() {
            ann = user("ann").principal();
            bob = user("bob").principal();
            staff = group("staff").principal();
            site = resource(NewResource.of("site", "site"));
            folder = resource(NewResource.of("folder", "folder").under(site).notInheriting());
            doc = resource(NewResource.of("doc", "document").under(folder));
            other = resource(NewResource.of("other", "folder"));
        }

        private CandidateQuery query(Set<String> rolesGranting, boolean ownersQualify, TypeScope global,
                ResourceFilter filter, long afterId, int limit) {
            return new CandidateQuery(Set.of(Principal.EVERYONE, Principal.AUTHENTICATED, ann, staff), VIEW,
                    rolesGranting, ownersQualify, global, filter, afterId, limit);
        }

        private List<ResourceId> candidates() {
            return candidates(ResourceFilter.ANY);
        }

        private List<ResourceId> candidates(ResourceFilter filter) {
            return store.access().candidates(query(Set.of("viewer"), true, TypeScope.NONE, filter, 0, 100));
        }

        @Test
        @DisplayName("with nothing stored there are no candidates")
        void nothing() {
            assertThat(candidates()).isEmpty();
        }

        @Test
        @DisplayName("a global grant of the permission to one of the principals makes every resource a candidate")
        void globalGrant() {
            store.permissions().grant(Grant.global(staff, VIEW));

            assertThat(candidates()).containsExactly(site, folder, doc, other);
        }

        @Test
        @DisplayName("a global grant of ALL counts too; one of another permission or to another principal does not")
        void globalGrantCoverage() {
            store.permissions().grant(Grant.global(ann, EDIT));
            store.permissions().grant(Grant.global(bob, VIEW));
            assertThat(candidates()).isEmpty();

            store.permissions().grant(Grant.global(ann, Permission.ALL));
            assertThat(candidates()).containsExactly(site, folder, doc, other);
        }

        @Test
        @DisplayName("every resource of a globally allowed type is a candidate")
        void globallyAllowedTypes() {
            assertThat(store.access().candidates(query(Set.of(), false,
                    new TypeScope(false, Set.of("folder")), ResourceFilter.ANY, 0, 100)))
                    .containsExactly(folder, other);
            assertThat(store.access().candidates(query(Set.of(), false,
                    new TypeScope(true, Set.of("folder")), ResourceFilter.ANY, 0, 100)))
                    .containsExactly(site, doc);
            assertThat(store.access().candidates(query(Set.of(), false, TypeScope.ALL, ResourceFilter.ANY, 0, 100)))
                    .containsExactly(site, folder, doc, other);
        }

        @Test
        @DisplayName("an Allow ACE on an ancestor makes its descendants candidates, ignoring inherit")
        void allowAceOnAncestor() {
            store.permissions().setAcl(site, Acl.of(Ace.allow(Principal.AUTHENTICATED, VIEW)));

            assertThat(candidates()).containsExactly(site, folder, doc);
        }

        @Test
        @DisplayName("an Allow ACE counts when it covers the permission through ALL, not for another permission")
        void aceCoverage() {
            store.permissions().setAcl(folder, Acl.of(Ace.allow(ann, Permission.ALL)));
            store.permissions().setAcl(other, Acl.of(Ace.allow(ann, EDIT)));

            assertThat(candidates()).containsExactly(folder, doc);
        }

        @Test
        @DisplayName("Deny ACEs and ACEs of other principals do not make candidates")
        void denyAndOthersAces() {
            store.permissions().setAcl(folder, Acl.of(Ace.deny(ann, VIEW)));
            store.permissions().setAcl(other, Acl.of(Ace.allow(bob, VIEW)));

            assertThat(candidates()).isEmpty();
        }

        @Test
        @DisplayName("a grant of the permission or of ALL to one of the principals qualifies a node and below")
        void grants() {
            store.permissions().grant(Grant.on(folder, staff, VIEW));
            store.permissions().grant(Grant.on(other, ann, Permission.ALL));
            store.permissions().grant(Grant.on(site, ann, EDIT));
            store.permissions().grant(Grant.on(site, bob, VIEW));

            assertThat(candidates()).containsExactly(folder, doc, other);
        }

        @Test
        @DisplayName("a role assignment counts only for a role in rolesGranting")
        void roles() {
            store.permissions().assignRole(RoleAssignment.on(doc, ann, "viewer"));
            store.permissions().assignRole(RoleAssignment.on(other, ann, "auditor"));
            store.permissions().assignRole(RoleAssignment.on(site, bob, "viewer"));

            assertThat(candidates()).containsExactly(doc);
        }

        @Test
        @DisplayName("owners qualify only when ownersQualify says so")
        void owners() {
            store.resources().setOwners(folder, Optional.empty(), Optional.of(GroupId.of(1)));
            store.resources().setOwners(other, Optional.of(UserId.of(2)), Optional.empty());

            assertThat(candidates()).containsExactly(folder, doc);
            assertThat(store.access().candidates(query(Set.of("viewer"), false, TypeScope.NONE, ResourceFilter.ANY,
                    0, 100))).isEmpty();
        }

        @Test
        @DisplayName("candidates come in ascending id order, after afterId, at most limit")
        void keyset() {
            var all = query(Set.of(), false, TypeScope.ALL, ResourceFilter.ANY, 0, 100);

            assertThat(store.access().candidates(all)).containsExactly(site, folder, doc, other);
            assertThat(store.access().candidates(query(Set.of(), false, TypeScope.ALL, ResourceFilter.ANY, 1, 2)))
                    .containsExactly(folder, doc);
            assertThat(store.access().candidates(query(Set.of(), false, TypeScope.ALL, ResourceFilter.ANY, 3, 2)))
                    .containsExactly(other);
            assertThat(store.access().candidates(query(Set.of(), false, TypeScope.ALL, ResourceFilter.ANY, 4, 2)))
                    .isEmpty();
        }

        @Test
        @DisplayName("the filter narrows by type, by ids and to a subtree")
        void filter() {
            store.permissions().grant(Grant.global(ann, VIEW));
            var everything = TypeScope.ALL;

            assertThat(store.access().candidates(query(Set.of(), false, everything,
                    ResourceFilter.ANY.ofType("folder", "site"), 0, 100))).containsExactly(site, folder, other);
            assertThat(store.access().candidates(query(Set.of(), false, everything,
                    ResourceFilter.ANY.withIds(doc, other, ResourceId.of(99)), 0, 100))).containsExactly(doc, other);
            assertThat(store.access().candidates(query(Set.of(), false, everything,
                    ResourceFilter.ANY.under(folder), 0, 100))).containsExactly(folder, doc);
            assertThat(store.access().candidates(query(Set.of(), false, everything,
                    ResourceFilter.ANY.under(site).ofType("document"), 0, 100))).containsExactly(doc);
            assertThat(store.access().candidates(query(Set.of(), false, everything,
                    ResourceFilter.ANY.under(ResourceId.of(99)), 0, 100))).isEmpty();
        }
    }

    @Nested
    @DisplayName("Candidate users")
    class CandidateUsers {
        @Test
        @DisplayName("every user is a candidate, disabled ones too, in id order, after afterId, at most limit")
        void everyUser() {
            var ann = user("ann");
            var bob = user("bob");
            var cid = user("cid");
            store.users().setStatus(bob.id(), UserStatus.DISABLED);
            var folder = resource(NewResource.of("folder", "folder"));

            assertThat(store.access().candidateUsers(folder, 0, 10)).containsExactly(ann.id(), bob.id(), cid.id());
            assertThat(store.access().candidateUsers(folder, ann.id().value(), 1)).containsExactly(bob.id());
            assertThat(store.access().candidateUsers(folder, cid.id().value(), 1)).isEmpty();
        }
    }
}
