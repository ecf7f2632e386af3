package dev.gatehouse.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gatehouse.ForbiddenException;
import dev.gatehouse.Guard.Failure;
import dev.gatehouse.NoSuchResourceException;
import dev.gatehouse.model.Grant;
import dev.gatehouse.model.Permission;
import dev.gatehouse.model.Resource;
import dev.gatehouse.model.ResourceId;
import dev.gatehouse.model.Subject;
import dev.gatehouse.model.User;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The kit's tests of the guard: {@code require} throws, {@code protect} is fail-closed. */
public abstract class GuardKit extends AreaKit {
    private static final ResourceId MISSING = ResourceId.of(987_654);

    protected GuardKit(GatehouseCompatibilityKit kit) {
        super(kit);
    }

    @Nested
    @DisplayName("require")
    class Require {
        @Test
        @DisplayName("require passes silently when the subject holds the permission on the resource")
        void allowed() {
            var alice = fixture.user("alice");
            var folder = fixture.root("folder");
            gatehouse.permissions().grant(Grant.on(folder.id(), alice.principal(), EDIT));

            assertThatCode(() -> gatehouse.guard().require(Subject.user(alice.id()), EDIT, folder.id()))
                    .doesNotThrowAnyException();
        }

        @Test
        @DisplayName("require throws ForbiddenException naming the permission and the resource otherwise")
        void forbidden() {
            var alice = fixture.user("alice");
            var bob = fixture.user("bob");
            var folder = fixture.root("folder");
            gatehouse.permissions().grant(Grant.on(folder.id(), alice.principal(), EDIT));

            assertThatThrownBy(() -> gatehouse.guard().require(Subject.user(bob.id()), EDIT, folder.id()))
                    .isInstanceOf(ForbiddenException.class)
                    .hasMessageContaining("edit")
                    .hasMessageContaining(folder.id().toString());
            assertThatThrownBy(() -> gatehouse.guard().require(Subject.anonymous(), EDIT, folder.id()))
                    .isInstanceOf(ForbiddenException.class);
            assertThatThrownBy(() -> gatehouse.guard().require(Subject.user(alice.id()), Permission.of("delete"),
                    folder.id()))
                    .isInstanceOf(ForbiddenException.class)
                    .hasMessageContaining("delete");
        }

        @Test
        @DisplayName("require on a resource that does not exist raises NoSuchResourceException, not Forbidden")
        void missingResource() {
            var alice = fixture.user("alice");

            assertThatThrownBy(() -> gatehouse.guard().require(Subject.user(alice.id()), EDIT, MISSING))
                    .isInstanceOf(NoSuchResourceException.class)
                    .hasMessageContaining("987654");
        }

        @Test
        @DisplayName("The global require follows global grants and the default ACL")
        void globalRequire() {
            var alice = fixture.user("alice");
            var bob = fixture.user("bob");
            gatehouse.permissions().grant(Grant.global(alice.principal(), EDIT));

            assertThatCode(() -> gatehouse.guard().require(Subject.user(alice.id()), EDIT))
                    .doesNotThrowAnyException();
            assertThatThrownBy(() -> gatehouse.guard().require(Subject.user(bob.id()), EDIT))
                    .isInstanceOf(ForbiddenException.class)
                    .hasMessageContaining("edit");
            assertThatCode(() -> gatehouse.guard().require(Subject.anonymous(), Permission.of("login")))
                    .as("the default ACL lets everyone log in").doesNotThrowAnyException();
            assertThatThrownBy(() -> gatehouse.guard().require(Subject.anonymous(), Permission.of("view")))
                    .isInstanceOf(ForbiddenException.class)
                    .hasMessageContaining("view");
        }
    }

    @Nested
    @DisplayName("protect")
    class Protect {
        private User alice;
        private User bob;
        private Resource folder;
        private final AtomicInteger runs = new AtomicInteger();
        private BiFunction<String, String, String> guarded;

        @BeforeEach
        void world() {
            alice = fixture.user("alice");
            bob = fixture.user("bob");
            folder = fixture.root("folder");
            gatehouse.permissions().grant(Grant.on(folder.id(), alice.principal(), EDIT));
            var agents = Map.of("alice", Subject.user(alice.id()), "bob", Subject.user(bob.id()));
            var targets = Map.of("folder", folder.id(), "missing", MISSING);
            guarded = gatehouse.guard().protect(EDIT,
                    agentKey -> Optional.ofNullable(agents.get(agentKey)),
                    targetKey -> Optional.ofNullable(targets.get(targetKey)),
                    failure -> "failed: " + failure,
                    (subject, resource) -> {
                        runs.incrementAndGet();
                        return "edited " + resource + " as " + subject;
                    });
        }

        @Test
        @DisplayName("When allowed, the operation runs once with the loaded subject and resource and returns its result")
        void runsWhenAllowed() {
            var result = guarded.apply("alice", "folder");

            assertThat(result).isEqualTo("edited " + folder.id() + " as " + Subject.user(alice.id()));
            assertThat(runs).hasValue(1);
        }

        @Test
        @DisplayName("An agent the loader cannot find gives AGENT_NOT_FOUND and the operation does not run")
        void agentNotFound() {
            assertThat(guarded.apply("nobody", "folder")).isEqualTo("failed: " + Failure.AGENT_NOT_FOUND);
            assertThat(runs).hasValue(0);
        }

        @Test
        @DisplayName("A target the loader cannot find, or that does not exist, gives TARGET_NOT_FOUND")
        void targetNotFound() {
            assertThat(guarded.apply("alice", "nothing")).isEqualTo("failed: " + Failure.TARGET_NOT_FOUND);
            assertThat(guarded.apply("alice", "missing")).isEqualTo("failed: " + Failure.TARGET_NOT_FOUND);
            gatehouse.resources().deleteBranch(folder.id());
            assertThat(guarded.apply("alice", "folder")).as("a deleted resource")
                    .isEqualTo("failed: " + Failure.TARGET_NOT_FOUND);
            assertThat(runs).hasValue(0);
        }

        @Test
        @DisplayName("An agent without the permission gives FORBIDDEN, also once a permitted agent is disabled")
        void forbidden() {
            assertThat(guarded.apply("bob", "folder")).isEqualTo("failed: " + Failure.FORBIDDEN);
            gatehouse.users().disable(alice.id());
            assertThat(guarded.apply("alice", "folder")).isEqualTo("failed: " + Failure.FORBIDDEN);
            assertThat(runs).hasValue(0);

            gatehouse.users().enable(alice.id());
            assertThat(guarded.apply("alice", "folder")).startsWith("edited");
            assertThat(runs).hasValue(1);
        }

        @Test
        @DisplayName("The check happens at each call: a revoked grant stops the next call")
        void checkedOnEveryCall() {
            assertThat(guarded.apply("alice", "folder")).startsWith("edited");

            gatehouse.permissions().revoke(Grant.on(folder.id(), alice.principal(), EDIT));

            assertThat(guarded.apply("alice", "folder")).isEqualTo("failed: " + Failure.FORBIDDEN);
            assertThat(runs).hasValue(1);
        }

        @Test
        @DisplayName("A failure handler that throws, or a loader that throws, propagates and the operation never runs")
        void throwingHandlersFailClosed() {
            var throwing = gatehouse.guard().<String, String, String>protect(EDIT,
                    agentKey -> Optional.of(Subject.user(bob.id())),
                    targetKey -> Optional.of(folder.id()),
                    failure -> {
                        throw new ForbiddenException("no: " + failure);
                    },
                    (subject, resource) -> {
                        runs.incrementAndGet();
                        return "ran";
                    });
            var brokenLoader = gatehouse.guard().<String, String, String>protect(EDIT,
                    agentKey -> Optional.of(Subject.user(alice.id())),
                    targetKey -> {
                        throw new IllegalStateException("loader broke");
                    },
                    failure -> "failed: " + failure,
                    (subject, resource) -> {
                        runs.incrementAndGet();
                        return "ran";
                    });

            assertThatThrownBy(() -> throwing.apply("bob", "folder"))
                    .isInstanceOf(ForbiddenException.class)
                    .hasMessageContaining("FORBIDDEN");
            assertThatThrownBy(() -> brokenLoader.apply("alice", "folder"))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessage("loader broke");
            assertThat(runs).hasValue(0);
        }
    }
}
