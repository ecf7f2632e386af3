package dev.gatehouse.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

@DisplayName("The gatehouse command line")
class GatehouseCommandLineTest {
    @TempDir
    Path directory;

    Cli cli;

    @BeforeEach
    void freshDatabase() {
        cli = new Cli(directory);
    }

    /** Asserts that a command failed with exit code 2, a one-line message naming the problem, and no stack trace. */
    static void assertBadInput(Cli.Result result, String message) {
        assertThat(result.exitCode()).as(result.toString()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(result.err()).startsWith("error: ").contains(message).doesNotContain("\tat ", "Exception");
    }

    /** Runs a command as another process would: on its own thread, with its own connections; waits for it. */
    static void inAnotherThread(Runnable command) {
        var failure = new AtomicReference<Throwable>();
        var thread = new Thread(command);
        thread.setUncaughtExceptionHandler((t, e) -> failure.set(e));
        thread.start();
        try {
            thread.join();
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
        assertThat(failure.get()).isNull();
    }

    /** Opens the test's database directly, to look behind the command line. */
    Session session() {
        return Session.open(Database.open(Optional.empty(), Optional.empty(), Optional.empty(), directory),
                Backend.fromCliName(Backend.DEFAULT_NAME));
    }

    @Nested
    @DisplayName("migrate and the database options")
    class Migrate {
        @Test
        @DisplayName("creates the default H2 file under ./gatehouse-data on first use, and then finds it up to date")
        void migratesTheDefaultDatabase() {
            assertThat(cli.ok("migrate")).contains("migrated the Gatehouse schema on H2 from nothing to version 1");
            assertThat(directory.resolve("gatehouse-data/gatehouse.mv.db")).exists();
            assertThat(cli.ok("migrate")).contains("is up to date at version 1");
        }

        @Test
        @DisplayName("creates the default database on the first command of any kind")
        void firstUseCreatesIt() {
            cli.ok("user", "add", "alice");
            assertThat(cli.ok("user", "list")).contains("alice");
        }

        @Test
        @DisplayName("refuses a --url database without the schema, saying how to create it, and migrates it on request")
        void urlDatabaseNeedsMigrate() {
            var url = "jdbc:h2:file:" + directory.resolve("other/db").toAbsolutePath();
            var refused = cli.run("--url", url, "user", "list");
            assertThat(refused.exitCode()).isEqualTo(ExitCode.FAILED);
            assertThat(refused.err()).contains("has no Gatehouse schema").contains("gatehouse --url " + url + " migrate");
            cli.ok("--url", url, "migrate");
            cli.ok("--url", url, "user", "add", "alice");
            assertThat(cli.ok("--url", url, "user", "list")).contains("alice");
            assertThat(cli.ok("user", "list")).doesNotContain("alice");
        }

        @Test
        @DisplayName("takes the URL from GATEHOUSE_URL")
        void urlFromTheEnvironment() {
            var url = "jdbc:h2:file:" + directory.resolve("env/db").toAbsolutePath();
            var withVariable = new Cli(directory, Map.of("GATEHOUSE_URL", url));
            assertThat(withVariable.ok("migrate")).contains("from nothing to version 1");
            withVariable.ok("group", "add", "staff");
            assertThat(cli.ok("--url", url, "group", "list")).contains("staff");
        }

        @Test
        @DisplayName("names the database it cannot reach, with exit code 3")
        void unreachableDatabase() {
            var result = cli.run("--url", "jdbc:nosuchdriver://nowhere/db", "user", "list");
            assertThat(result.exitCode()).isEqualTo(ExitCode.FAILED);
            assertThat(result.err()).startsWith("error: cannot open the database at jdbc:nosuchdriver://nowhere/db")
                    .doesNotContain("\tat ");
        }

        @Test
        @DisplayName("asks for the database password with --password, and refuses when there is no terminal")
        void databasePassword() {
            assertBadInput(cli.run("--password", "user", "list"), "no terminal to ask for the database password");
            var terminal = new ScriptedTerminal("secret");
            cli.run("", terminal, commandLine -> { }, "--password", "migrate");
            assertThat(terminal.prompts()).containsExactly("database password: ");
        }

        @Test
        @DisplayName("rejects an unknown backend, naming the known ones")
        void unknownBackend() {
            assertBadInput(cli.run("--backend", "nosuch", "user", "list"), "unknown backend 'nosuch'; known: ");
        }
    }

    @Nested
    @DisplayName("user")
    class Users {
        @Test
        @DisplayName("adds, lists, shows, disables, enables and deletes users")
        void lifecycle() {
            assertThat(cli.ok("user", "add", "alice", "--email", "alice@example.org", "--attribute", "team=core"))
                    .isEqualTo("added user alice (id 1)\n");
            cli.ok("user", "add", "bob");
            assertThat(cli.ok("user", "list")).containsPattern("ID +NAME +EMAIL +STATUS +REGISTERED +LAST LOGIN")
                    .containsPattern("1 +alice +alice@example.org +active")
                    .containsPattern("2 +bob +- +active");
            assertThat(cli.ok("user", "show", "ALICE")).contains("name:       alice", "attributes: team=core");
            assertThat(cli.ok("user", "disable", "alice")).isEqualTo("disabled alice\n");
            assertThat(cli.ok("user", "show", "alice")).contains("status:     disabled");
            cli.ok("user", "enable", "alice");
            assertThat(cli.ok("user", "show", "alice")).contains("status:     active");
            assertThat(cli.ok("user", "delete", "bob")).isEqualTo("deleted user bob\n");
            assertThat(cli.ok("user", "list")).doesNotContain("bob");
        }

        @Test
        @DisplayName("pages with --limit and --after, and searches with --search")
        void paging() {
            for (var name : new String[] {"ann", "ben", "cid", "dan"}) {
                cli.ok("user", "add", name);
            }
            var first = cli.ok("user", "list", "--limit", "2");
            assertThat(first).contains("ann", "ben").doesNotContain("cid").contains("(more: --after 2)");
            assertThat(cli.ok("user", "list", "--limit", "2", "--after", "2")).contains("cid", "dan")
                    .doesNotContain("ann", "more");
            assertThat(cli.ok("user", "list", "--search", "*n")).contains("ann", "ben", "dan").doesNotContain("cid");
        }

        @Test
        @DisplayName("prints JSON with --json")
        void json() {
            cli.ok("user", "add", "alice", "--email", "alice@example.org");
            assertThat(cli.ok("user", "list", "--json")).contains("\"items\" : [ {", "\"name\" : \"alice\"",
                    "\"email\" : \"alice@example.org\"", "\"next\" : null");
            assertThat(cli.ok("user", "show", "alice", "--json")).contains("\"groups\" : [ ]", "\"status\" : \"active\"");
        }

        @Test
        @DisplayName("sets passwords from standard input, never from an argument")
        void passwordFromStandardInput() {
            var added = cli.runWithInput("s3cret-one\n", "user", "add", "alice", "--password-stdin");
            assertThat(added.out()).isEqualTo("added user alice (id 1) with a password\n");
            cli.runWithInput("s3cret-two\n", "user", "passwd", "alice", "--password-stdin");
            try (var session = session()) {
                var users = session.gatehouse().users();
                var alice = session.user("alice").id();
                assertThat(users.checkPassword(alice, "s3cret-two")).isTrue();
                assertThat(users.checkPassword(alice, "s3cret-one")).isFalse();
            }
            assertBadInput(cli.run("user", "add", "bob", "--password", "hunter2"), "Unmatched argument");
        }

        @Test
        @DisplayName("asks for a password twice without echo on a terminal, and refuses two different ones")
        void passwordFromTheTerminal() {
            var terminal = new ScriptedTerminal("one-password", "one-password");
            var result = cli.run("", terminal, commandLine -> { }, "user", "add", "alice", "--password");
            assertThat(result.exitCode()).isZero();
            assertThat(terminal.prompts()).containsExactly("new password for alice: ", "the same again: ");
            var mismatch = cli.run("", new ScriptedTerminal("one", "two"), commandLine -> { }, "user", "passwd", "alice");
            assertBadInput(mismatch, "the two passwords differ");
            assertBadInput(cli.run("user", "passwd", "alice"), "no terminal to ask for the password on");
        }

        @Test
        @DisplayName("names the unknown user, the taken name and the bad email")
        void badInput() {
            cli.ok("user", "add", "alice");
            assertBadInput(cli.run("user", "show", "zed"), "no user named 'zed'");
            assertBadInput(cli.run("user", "add", "Alice"), "Alice");
            assertBadInput(cli.run("user", "add", "bob", "--email", "not-an-email"), "not-an-email");
            assertBadInput(cli.run("user", "add", " padded"), "whitespace");
            assertBadInput(cli.run("user"), "'gatehouse user' needs a command: add, list");
        }
    }

    @Nested
    @DisplayName("group")
    class Groups {
        @Test
        @DisplayName("adds groups, and adds, lists and removes their members")
        void membersAndGroups() {
            cli.ok("user", "add", "alice");
            cli.ok("user", "add", "bob");
            assertThat(cli.ok("group", "add", "staff", "--description", "Everyone")).isEqualTo("added group staff (id 1)\n");
            assertThat(cli.ok("group", "members", "add", "staff", "alice", "bob")).isEqualTo("added alice, bob to staff\n");
            assertThat(cli.ok("group", "members", "list", "staff")).contains("alice", "bob");
            assertThat(cli.ok("user", "show", "alice")).contains("groups:     staff");
            cli.ok("group", "members", "remove", "staff", "bob");
            assertThat(cli.ok("group", "members", "list", "staff")).contains("alice").doesNotContain("bob");
            assertThat(cli.ok("group", "list")).containsPattern("1 +staff +Everyone");
            assertThat(cli.ok("group", "show", "staff")).contains("members:     alice");
            assertThat(cli.ok("group", "delete", "staff")).isEqualTo("deleted group staff\n");
            assertThat(cli.ok("group", "list")).contains("(none)");
        }

        @Test
        @DisplayName("names unknown groups and members, and a member added twice")
        void badInput() {
            cli.ok("user", "add", "alice");
            cli.ok("group", "add", "staff");
            assertBadInput(cli.run("group", "members", "add", "nosuch", "alice"), "no group named 'nosuch'");
            assertBadInput(cli.run("group", "members", "add", "staff", "zed"), "no user named 'zed'");
            cli.ok("group", "members", "add", "staff", "alice");
            var twice = cli.run("group", "members", "add", "staff", "alice");
            assertThat(twice.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
            assertBadInput(cli.run("group", "members", "remove", "staff", "zed"), "no user named 'zed'");
            assertBadInput(cli.run("group", "add", "STAFF"), "STAFF");
        }
    }

    @Nested
    @DisplayName("resource")
    class Resources {
        @BeforeEach
        void tree() {
            cli.ok("user", "add", "alice");
            cli.ok("resource", "add", "/engineering");
            cli.ok("resource", "add", "/engineering/specs");
            cli.ok("resource", "add", "/engineering/specs/api.md", "--type", "doc");
            cli.ok("resource", "add", "handbook", "--parent", "1", "--owner", "alice", "--no-inherit");
        }

        @Test
        @DisplayName("adds by path or by name under a parent, and draws the tree")
        void addAndTree() {
            assertThat(cli.ok("resource", "tree")).isEqualTo("""
                    engineering  (#1, folder)
                    ├── specs  (#2, folder)
                    │   └── api.md  (#3, doc)
                    └── handbook  (#4, folder, owner alice, does not inherit)
                    """);
            assertThat(cli.ok("resource", "tree", "/engineering/specs")).startsWith("specs  (#2, folder)");
            assertThat(cli.ok("resource", "tree", "--depth", "1")).doesNotContain("api.md");
            assertThat(cli.ok("resource", "tree", "--json")).contains("\"path\" : \"/engineering/specs/api.md\"");
        }

        @Test
        @DisplayName("shows a resource by path or by id")
        void show() {
            assertThat(cli.ok("resource", "show", "/engineering/handbook")).contains("id:         4",
                    "path:       /engineering/handbook", "owner:      alice", "inherit:    false");
            assertThat(cli.ok("resource", "show", "3")).contains("path:       /engineering/specs/api.md", "type:       doc");
        }

        @Test
        @DisplayName("renames, changes owners and inheritance with set")
        void set() {
            cli.ok("resource", "set", "/engineering/handbook", "--name", "guide", "--no-owner", "--inherit");
            assertThat(cli.ok("resource", "show", "4")).contains("path:       /engineering/guide", "owner:      -",
                    "inherit:    true");
            assertBadInput(cli.run("resource", "set", "4"), "nothing to change");
        }

        @Test
        @DisplayName("moves a subtree, and refuses to move it under itself")
        void move() {
            assertThat(cli.ok("resource", "move", "/engineering/specs", "--to", "/")).isEqualTo(
                    "moved /engineering/specs to /specs\n");
            cli.ok("resource", "move", "/specs", "--to", "/engineering/handbook", "--position", "1");
            assertThat(cli.ok("resource", "show", "3")).contains("path:       /engineering/handbook/specs/api.md");
            var cycle = cli.run("resource", "move", "/engineering", "--to", "/engineering/handbook/specs");
            assertBadInput(cycle, "");
            assertThat(cycle.err()).containsAnyOf("cycle", "descendant");
        }

        @Test
        @DisplayName("deletes a leaf, and asks how to treat the children of a node")
        void delete() {
            assertBadInput(cli.run("resource", "delete", "/engineering"),
                    "/engineering has 2 children: delete them too with --cascade, or move them up with --reparent");
            assertThat(cli.ok("resource", "delete", "/engineering/specs", "--reparent"))
                    .isEqualTo("deleted /engineering/specs; its children moved up\n");
            assertThat(cli.ok("resource", "show", "3")).contains("path:       /engineering/api.md");
            cli.ok("resource", "delete", "/engineering/api.md");
            assertThat(cli.ok("resource", "delete", "/engineering", "--cascade"))
                    .isEqualTo("deleted /engineering and everything under it\n");
            assertThat(cli.ok("resource", "tree")).isEqualTo("(no resources)\n");
            assertBadInput(cli.run("resource", "delete", "1", "--cascade", "--reparent"), "mutually exclusive");
        }

        @Test
        @DisplayName("names the missing part of a path, a missing id and a malformed reference")
        void badReferences() {
            assertBadInput(cli.run("resource", "show", "/engineering/nosuch"),
                    "no resource /engineering/nosuch: /engineering has no resource named 'nosuch'");
            assertBadInput(cli.run("resource", "show", "99"), "99");
            assertBadInput(cli.run("resource", "show", "engineering"), "a resource is a path like /engineering/specs");
            assertBadInput(cli.run("resource", "add", "/nosuch/child"), "no resource /nosuch");
            assertBadInput(cli.run("resource", "add", "/x", "--type", "Folder"), "Folder");
            cli.ok("resource", "add", "specs", "--parent", "/engineering");
            assertBadInput(cli.run("resource", "show", "/engineering/specs"), "names 2 resources (ids 2, 5): address it by id");
        }
    }

    @Nested
    @DisplayName("grant, revoke and acl")
    class Grants {
        @BeforeEach
        void world() {
            cli.ok("user", "add", "alice");
            cli.ok("user", "add", "bob");
            cli.ok("group", "add", "staff");
            cli.ok("group", "members", "add", "staff", "bob");
            cli.ok("resource", "add", "/docs");
            cli.ok("resource", "add", "/docs/plan", "--type", "doc");
        }

        @Test
        @DisplayName("grants and revokes a permission on a resource to a user")
        void userGrant() {
            assertThat(cli.ok("grant", "edit", "--user", "alice", "--on", "/docs"))
                    .isEqualTo("granted 'edit' to user:alice on /docs\n");
            assertThat(cli.run("check", "alice", "edit", "/docs/plan").exitCode()).isEqualTo(ExitCode.OK);
            assertThat(cli.ok("resource", "show", "/docs")).contains("grants:     user:alice edit");
            assertThat(cli.ok("revoke", "edit", "--user", "alice", "--on", "/docs"))
                    .isEqualTo("revoked 'edit' from user:alice on /docs\n");
            assertThat(cli.run("check", "alice", "edit", "/docs/plan").exitCode()).isEqualTo(ExitCode.DENIED);
        }

        @Test
        @DisplayName("grants roles to groups, globally or on a resource")
        void roles() {
            cli.ok("grant", "--role", "editor", "--group", "staff", "--on", "/docs");
            assertThat(cli.run("check", "bob", "add", "/docs/plan").exitCode()).isEqualTo(ExitCode.OK);
            cli.ok("grant", "--role", "admin", "--user", "alice");
            assertThat(cli.ok("user", "show", "alice")).contains("roles:      admin (global)");
            assertThat(cli.run("check", "alice", "delete", "/docs/plan").exitCode()).isEqualTo(ExitCode.OK);
            cli.ok("revoke", "--role", "admin", "--user", "alice");
            assertThat(cli.run("check", "alice", "delete", "/docs/plan").exitCode()).isEqualTo(ExitCode.DENIED);
            assertThat(cli.ok("roles")).containsPattern("editor +viewer +add, change_order, edit, list, view");
        }

        @Test
        @DisplayName("names a bad permission, an unknown role, a duplicate and a missing grant")
        void badInput() {
            assertBadInput(cli.run("grant", "Edit", "--user", "alice"), "'Edit'");
            assertBadInput(cli.run("grant", "--role", "wizard", "--user", "alice"), "no role 'wizard'");
            assertBadInput(cli.run("grant", "edit", "--user", "zed"), "no user named 'zed'");
            assertBadInput(cli.run("grant", "edit", "--role", "viewer", "--user", "alice"), "give a PERMISSION or --role");
            assertBadInput(cli.run("grant", "edit", "--user", "alice", "--group", "staff"), "mutually exclusive");
            assertBadInput(cli.run("grant", "edit"), "Missing required argument");
            cli.ok("grant", "edit", "--user", "alice");
            assertThat(cli.run("grant", "edit", "--user", "alice").exitCode()).isEqualTo(ExitCode.BAD_INPUT);
            assertThat(cli.run("revoke", "view", "--user", "alice").exitCode()).isEqualTo(ExitCode.BAD_INPUT);
        }

        @Test
        @DisplayName("sets, shows and clears an explicit ACL, whose Deny wins over a grant")
        void acl() {
            cli.ok("grant", "view", "--group", "staff", "--on", "/docs");
            assertThat(cli.ok("acl", "set", "/docs/plan", "deny:user:bob:ALL", "allow:group:staff:view,edit",
                    "allow:authenticated:list")).isEqualTo("set the ACL of /docs/plan to deny:user:bob:ALL "
                            + "allow:group:staff:edit,view allow:authenticated:list\n");
            assertThat(cli.ok("acl", "show", "/docs/plan")).containsPattern("1 +deny +user:bob +ALL +deny:user:bob:ALL")
                    .containsPattern("2 +allow +group:staff +edit, view");
            var denied = cli.run("check", "bob", "view", "/docs/plan", "--explain");
            assertThat(denied.exitCode()).isEqualTo(ExitCode.DENIED);
            assertThat(denied.out()).contains("denied: bob may not view /docs/plan",
                    "Deny user:2 [ALL], explicit ACL entry", "user:2 is bob");
            assertThat(cli.ok("acl", "set", "/docs/plan", "--clear")).isEqualTo("cleared the ACL of /docs/plan\n");
            assertThat(cli.run("check", "bob", "view", "/docs/plan").exitCode()).isEqualTo(ExitCode.OK);
        }

        @Test
        @DisplayName("names a malformed ACL entry")
        void badAclEntries() {
            assertBadInput(cli.run("acl", "set", "/docs", "permit:user:bob:view"),
                    "bad ACL entry 'permit:user:bob:view': it must start with allow: or deny:");
            assertBadInput(cli.run("acl", "set", "/docs", "allow:robot:r2:view"), "'robot' is not a kind of principal");
            assertBadInput(cli.run("acl", "set", "/docs", "allow:user:bob"), "allow:user:NAME:PERMISSIONS");
            assertBadInput(cli.run("acl", "set", "/docs", "allow:user:bob:View"), "'View'");
            assertBadInput(cli.run("acl", "set", "/docs", "allow:user:zed:view"), "no user named 'zed'");
            assertBadInput(cli.run("acl", "set", "/docs"), "give the entries, or --clear");
        }
    }

    @Nested
    @DisplayName("check, list and who")
    class Questions {
        @BeforeEach
        void world() {
            cli.ok("user", "add", "alice");
            cli.ok("user", "add", "bob");
            cli.ok("group", "add", "team");
            cli.ok("group", "members", "add", "team", "bob");
            cli.ok("resource", "add", "/a");
            cli.ok("resource", "add", "/a/b");
            cli.ok("resource", "add", "/a/b/c", "--type", "doc");
            cli.ok("resource", "add", "/z");
            cli.ok("grant", "--role", "editor", "--group", "team", "--on", "/a");
            cli.ok("grant", "edit", "--user", "alice", "--on", "/a/b/c");
        }

        @Test
        @DisplayName("check exits with 0 when allowed and 1 when denied, and explains with --explain")
        void check() {
            var allowed = cli.run("check", "bob", "edit", "/a/b/c", "--explain");
            assertThat(allowed.exitCode()).isEqualTo(ExitCode.OK);
            assertThat(allowed.out()).startsWith("allowed: bob may edit /a/b/c")
                    .contains("role 'editor' on the resource inherited from resource 1 via group 1",
                            "resource 1 is /a", "group:1 is team");
            var denied = cli.run("check", "bob", "delete", "/a/b/c");
            assertThat(denied.exitCode()).isEqualTo(ExitCode.DENIED);
            assertThat(denied.out()).isEqualTo("denied: bob may not delete /a/b/c\n");
            assertThat(cli.run("check", "alice", "edit").exitCode()).isEqualTo(ExitCode.DENIED);
            assertThat(cli.ok("check", "bob", "edit", "/a", "--json")).contains("\"allowed\" : true",
                    "\"source\" : \"resource_role\"", "\"via\" : \"group\"");
        }

        @Test
        @DisplayName("check says a disabled user is checked as anonymous")
        void disabledUser() {
            cli.ok("user", "disable", "bob");
            var result = cli.run("check", "bob", "edit", "/a");
            assertThat(result.exitCode()).isEqualTo(ExitCode.DENIED);
            assertThat(result.out()).contains("bob is disabled, so checked as anonymous");
        }

        @Test
        @DisplayName("check names an unknown user, a bad permission name and a missing resource with exit code 2")
        void checkBadInput() {
            assertBadInput(cli.run("check", "zed", "edit", "/a"), "no user named 'zed'");
            assertBadInput(cli.run("check", "bob", "Edit", "/a"), "'Edit'");
            assertBadInput(cli.run("check", "bob", "edit", "/nosuch"), "no resource /nosuch");
        }

        @Test
        @DisplayName("list pages through the resources a user may access, filtered by type or subtree")
        void list() {
            assertThat(cli.ok("list", "bob", "edit")).containsPattern("1 +/a +folder").contains("/a/b/c")
                    .doesNotContain("/z");
            var first = cli.ok("list", "bob", "edit", "--limit", "2");
            assertThat(first).contains("/a", "/a/b").doesNotContain("/a/b/c").contains("(more: --after 2)");
            assertThat(cli.ok("list", "bob", "edit", "--after", "2")).contains("/a/b/c").doesNotContain("/a/b ");
            assertThat(cli.ok("list", "bob", "edit", "--type", "doc")).contains("/a/b/c").doesNotContain("/a/b\n");
            assertThat(cli.ok("list", "alice", "edit")).contains("/a/b/c").doesNotContain("/a/b\n");
            assertThat(cli.ok("list", "bob", "edit", "--under", "/a/b", "--json")).contains("\"path\" : \"/a/b\"")
                    .doesNotContain("\"/a\"");
        }

        @Test
        @DisplayName("who lists the users holding a permission, or groups with --groups")
        void who() {
            assertThat(cli.ok("who", "/a/b/c", "edit")).contains("user:alice", "user:bob").doesNotContain("group:team");
            assertThat(cli.ok("who", "/a/b/c", "edit", "--groups")).contains("user:alice", "group:team");
            assertThat(cli.ok("who", "/a/b/c", "edit", "--without-groups")).contains("user:alice")
                    .doesNotContain("user:bob");
            assertBadInput(cli.run("who", "/nosuch", "edit"), "no resource /nosuch");
        }
    }

    @Nested
    @DisplayName("import")
    class Import {
        static final String WORLD_JSON = """
                {
                  "users": [
                    {"name": "alice", "email": "alice@example.org", "attributes": {"team": "core"}},
                    {"name": "bob"},
                    {"name": "carol", "disabled": true}
                  ],
                  "groups": [
                    {"name": "engineering", "description": "Builds it", "members": ["alice", "bob"]}
                  ],
                  "memberships": [
                    {"group": "engineering", "user": "carol"}
                  ],
                  "resources": [
                    {"path": "/eng", "owner": "alice"},
                    {"path": "/eng/specs", "type": "folder"},
                    {"path": "/eng/specs/api.md", "type": "doc", "inherit": false}
                  ],
                  "grants": [
                    {"group": "engineering", "role": "editor", "on": "/eng"},
                    {"user": "bob", "permission": "delete", "on": "/eng/specs"},
                    {"user": "alice", "role": "admin"}
                  ],
                  "acls": [
                    {"on": "/eng/specs", "entries": ["deny:user:carol:ALL", "allow:group:engineering:view"]}
                  ]
                }
                """;

        static final String WORLD_CSV = """
                # users, groups, memberships, resources, grants and ACLs
                user,alice,alice@example.org,active,team=core
                user,bob
                group,engineering,"Builds it, mostly"
                member,engineering,alice
                member,engineering,bob

                resource,/eng,folder,alice
                resource,/eng/specs
                grant,user,bob,delete,/eng/specs
                role,group,engineering,editor,/eng
                acl,/eng/specs,deny:user:bob:ALL,allow:group:engineering:view
                """;

        Path write(String name, String text) throws Exception {
            var file = directory.resolve(name);
            Files.writeString(file, text);
            return file;
        }

        @Test
        @DisplayName("imports users, groups, memberships, resources, grants, roles and ACLs from JSON")
        void json() throws Exception {
            write("world.json", WORLD_JSON);
            assertThat(cli.ok("import", "world.json")).isEqualTo("imported 3 users, 1 group, 3 memberships, "
                    + "3 resources, 1 grant, 2 role assignments and 1 ACL from world.json, in one transaction\n");
            assertThat(cli.ok("user", "show", "alice")).contains("attributes: team=core", "groups:     engineering",
                    "roles:      admin (global)");
            assertThat(cli.ok("user", "show", "carol")).contains("status:     disabled");
            assertThat(cli.ok("resource", "show", "/eng/specs/api.md")).contains("inherit:    false");
            assertThat(cli.ok("acl", "show", "/eng/specs")).contains("deny:user:carol:ALL");
            assertThat(cli.run("check", "bob", "delete", "/eng/specs").exitCode()).isEqualTo(ExitCode.OK);
        }

        @Test
        @DisplayName("imports the same world from CSV")
        void csv() throws Exception {
            write("world.csv", WORLD_CSV);
            assertThat(cli.ok("import", "world.csv")).startsWith("imported 2 users, 1 group, 2 memberships, "
                    + "2 resources, 1 grant, 1 role assignment and 1 ACL from world.csv");
            assertThat(cli.ok("group", "show", "engineering")).contains("description: Builds it, mostly");
            assertThat(cli.ok("resource", "show", "/eng")).contains("owner:      alice",
                    "roles:      group:engineering editor");
        }

        @Test
        @DisplayName("imports nothing from a file with a malformed line, and names the line")
        void malformedLine() throws Exception {
            write("bad.csv", WORLD_CSV.replace("grant,user,bob,delete,/eng/specs", "grant,user,bob,Delete,/eng/specs"));
            var result = cli.run("import", "bad.csv");
            assertBadInput(result, "nothing was imported: bad.csv has 1 problem");
            assertThat(result.err()).contains("line 10: ", "'Delete'");
            assertThat(cli.ok("user", "list")).contains("(none)");
            assertThat(cli.ok("resource", "tree")).contains("(no resources)");
        }

        @Test
        @DisplayName("names every bad line: unknown references, duplicates and bad shapes, in file order")
        void everyProblem() throws Exception {
            cli.ok("user", "add", "dora");
            write("bad.csv", """
                    user,alice
                    user,ALICE
                    user,dora
                    member,nosuch,alice
                    resource,/eng/specs
                    grant,user,zed,view
                    acl,/nowhere,allow:user:alice:view
                    frobnicate,x
                    role,group,ghosts,wizard
                    """);
            var result = cli.run("import", "bad.csv");
            assertBadInput(result, "bad.csv has 8 problems");
            assertThat(result.err()).contains(
                    "line 2: user 'ALICE' is also on line 1",
                    "line 3: user 'dora' already exists",
                    "line 4: no group named 'nosuch' in the file or the database",
                    "line 5: its parent /eng is neither earlier in the file nor in the database",
                    "line 6: no user named 'zed' in the file or the database",
                    "line 7: no resource /nowhere in the file or the database",
                    "line 8: a line starts with one of user, group, member, resource, grant, role, acl, got 'frobnicate'",
                    "line 9: no role 'wizard'");
            assertThat(result.err().indexOf("line 2:")).isLessThan(result.err().indexOf("line 9:"));
            assertThat(cli.ok("user", "list")).contains("dora").doesNotContain("alice");
        }

        @Test
        @DisplayName("names the line of malformed JSON and of an unknown field")
        void badJson() throws Exception {
            write("broken.json", "{\n  \"users\": [\n    {\"name\": \"alice\",}\n  ]\n}\n");
            assertBadInput(cli.run("import", "broken.json"), "line 3: malformed JSON");
            write("typo.json", "{\n  \"users\": [\n    {\"name\": \"alice\"},\n    {\"nmae\": \"bob\"}\n  ]\n}\n");
            var typo = cli.run("import", "typo.json");
            assertBadInput(typo, "line 4: unknown field 'nmae' in users; known: attributes, disabled, email, name");
            assertThat(cli.ok("user", "list")).contains("(none)");
        }

        @Test
        @DisplayName("checks without writing with --dry-run")
        void dryRun() throws Exception {
            write("world.json", WORLD_JSON);
            assertThat(cli.ok("import", "world.json", "--dry-run")).startsWith("world.json is valid; importing it would add 3 users");
            assertThat(cli.ok("user", "list")).contains("(none)");
        }

        @Test
        @DisplayName("rolls everything back when the database changes half-way through")
        void rollsBackAFailureHalfWay() throws Exception {
            write("world.json", WORLD_JSON);
            var result = cli.run("", Terminal.NONE, commandLine -> {
                var command = (ImportCommand) commandLine.getSubcommands().get("import").getCommand();
                command.progress = (item, done, total) -> {
                    if (done == 2) {
                        // another process takes the group name the file creates next
                        inAnotherThread(() -> cli.ok("group", "add", "engineering"));
                    }
                };
            }, "import", "world.json");
            assertThat(result.exitCode()).as(result.toString()).isEqualTo(ExitCode.FAILED);
            assertThat(result.err()).contains("importing the group on line 8 failed", "engineering", "nothing was imported");
            assertThat(cli.ok("user", "list")).contains("(none)");
            assertThat(cli.ok("group", "list")).contains("engineering");
            assertThat(cli.ok("resource", "tree")).contains("(no resources)");
        }

        @Test
        @DisplayName("shows a progress bar on a terminal, and only there")
        void progressBar() throws Exception {
            write("world.json", WORLD_JSON);
            var result = cli.run("", new ScriptedTerminal(), commandLine -> { }, "import", "world.json");
            assertThat(result.err()).contains("\rimporting [", "] 14/14");
            write("more.csv", "user,zed\n");
            assertThat(cli.run("import", "more.csv").err()).isEmpty();
        }

        @Test
        @DisplayName("names a missing file and an unknown format")
        void badFiles() throws Exception {
            assertBadInput(cli.run("import", "nosuch.json"), "no file ");
            write("world.txt", "user,alice\n");
            assertBadInput(cli.run("import", "world.txt"), "cannot tell the format of world.txt");
            assertThat(cli.ok("import", "world.txt", "--format", "csv")).startsWith("imported 1 user");
        }
    }

    @Nested
    @DisplayName("demo")
    class Demo {
        @Test
        @DisplayName("walks through every idea on a throw-away database, leaving ./gatehouse-data alone")
        void demo() {
            var out = cli.ok("demo");
            assertThat(out).contains(
                    "Roles: named permission sets",
                    "├── engineering  (#2, folder, owner alice)",
                    "└── hr  (#6, folder, does not inherit)",
                    "$ gatehouse check bob edit /acme/engineering/specs/api.md --explain",
                    "→ allowed 'edit' on resource 4: Allow group:1 [add, change_order, edit, list, view], role 'editor' "
                            + "on the resource inherited from resource 2 via group 1",
                    "→ denied 'delete' on resource 4: Deny system.Everyone [ALL], base ACL",
                    "owner inherited from resource 2 directly",
                    "→ denied 'view' on resource 5: Deny group:2 [ALL], explicit ACL entry on resource 5 via group 2",
                    "→ denied 'list' on resource 7",
                    "→ allowed 'view' on resource 7: Allow system.Authenticated [view], base ACL",
                    "base ACL via role admin",
                    "$ gatehouse who /acme/engineering/secrets view",
                    "user:alice, user:bob, user:dave, user:grace");
            assertThat(directory.resolve(Database.DEFAULT_DIRECTORY)).doesNotExist();
        }
    }

    @Nested
    @DisplayName("--backend")
    class Backends {
        @ParameterizedTest(name = "{0}")
        @EnumSource(Backend.class)
        @DisplayName("every backend reaches the same decisions in the demo")
        void sameDemo(Backend backend) {
            var expected = decisions(cli.ok("demo"));
            assertThat(decisions(cli.ok("--backend", backend.cliName(), "demo"))).isEqualTo(expected).hasSize(10);
        }

        @ParameterizedTest(name = "{0}")
        @EnumSource(Backend.class)
        @DisplayName("every backend keeps its data in the database, and rolls back a failed import")
        void persistsAndRollsBack(Backend backend) throws Exception {
            var name = backend.cliName();
            cli.ok("--backend", name, "user", "add", "alice");
            cli.ok("--backend", name, "resource", "add", "/docs");
            cli.ok("--backend", name, "grant", "edit", "--user", "alice", "--on", "/docs");
            var check = cli.run("--backend", name, "check", "alice", "edit", "/docs");
            assertThat(check.exitCode()).as(check.toString()).isZero();
            Files.writeString(directory.resolve("clash.csv"), "user,bob\ngroup,staff\nmember,staff,alice\n");
            var clash = cli.run("", Terminal.NONE, commandLine -> {
                var command = (ImportCommand) commandLine.getSubcommands().get("import").getCommand();
                command.progress = (item, done, total) -> {
                    if (done == 1) {
                        inAnotherThread(() -> cli.ok("--backend", name, "group", "add", "staff"));
                    }
                };
            }, "--backend", name, "import", "clash.csv");
            assertThat(clash.exitCode()).as(clash.toString()).isEqualTo(ExitCode.FAILED);
            assertThat(clash.err()).contains("importing the group on line 2 failed", "nothing was imported");
            assertThat(cli.ok("user", "list")).contains("alice").doesNotContain("bob");
        }

        private static List<String> decisions(String demo) {
            return demo.lines().filter(line -> line.strip().startsWith("→")).toList();
        }
    }

    @Nested
    @DisplayName("usage")
    class Usage {
        @Test
        @DisplayName("prints help and exits with 0")
        void help() {
            var result = cli.run("--help");
            assertThat(result.exitCode()).isZero();
            assertThat(result.out()).contains("Usage: gatehouse", "demo", "import", "Exit codes:");
            assertThat(cli.ok("acl", "set", "--help")).contains("ACTION:PRINCIPAL:PERMISSIONS");
        }

        @Test
        @DisplayName("names an unknown command or option with exit code 2, suggesting what was meant")
        void unknownCommand() {
            var result = cli.run("chek", "alice", "view");
            assertBadInput(result, "Unmatched arguments");
            assertThat(result.err()).contains("Did you mean", "check");
            assertBadInput(cli.run("user", "list", "--limit", "0"), "page limit must be 1..10000, got 0");
            assertBadInput(cli.run("user", "list", "--after", "!"), "not a page cursor");
        }
    }
}
