package dev.gatehouse.benchmarks;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import org.casbin.jcasbin.main.Enforcer;
import org.casbin.jcasbin.model.Model;
import org.casbin.jcasbin.persist.Adapter;
import org.casbin.jcasbin.rbac.DefaultRoleManager;

/**
 * jCasbin with an RBAC model whose second role definition is the resource tree: {@code g} links a user to its
 * groups, {@code g2} a resource to its parent, and a policy allows or denies a subject an action on a resource and
 * everything under it. Loaded from the same facts through an {@link Adapter}; it keeps everything in memory, so it
 * runs no SQL and its "database" is {@code memory}.
 *
 * <p>Semantics differ from Gatehouse's in one way the data exercises only off the benchmarked paths: a Casbin Deny
 * anywhere on the lineage wins over every Allow, where Gatehouse lets the nearest deciding entry win. The matcher
 * compares the action first, the cheapest test, so policies for other actions cost no role lookups. {@code g2}'s
 * role manager allows a hierarchy as deep as the spine (Casbin's default stops at 10 levels).
 */
final class JCasbinContender implements Contender {
    static final String MODEL = """
            [request_definition]
            r = sub, obj, act

            [policy_definition]
            p = sub, obj, act, eft

            [role_definition]
            g = _, _
            g2 = _, _

            [policy_effect]
            e = some(where (p.eft == allow)) && !some(where (p.eft == deny))

            [matchers]
            m = r.act == p.act && g(r.sub, p.sub) && g2(r.obj, p.obj)
            """;

    private final World world;
    private final Enforcer enforcer;

    private JCasbinContender(World world, Enforcer enforcer) {
        this.world = world;
        this.enforcer = enforcer;
    }

    /** Builds the model, loads the world's policies and builds the role links. */
    static JCasbinContender load(World world) {
        var model = new Model();
        model.loadModelFromText(MODEL);
        var enforcer = new Enforcer(model);
        enforcer.setRoleManager("g2", new DefaultRoleManager(World.SPINE_DEPTH + 1));
        enforcer.enableAutoSave(false);
        enforcer.setAdapter(new WorldAdapter(world));
        enforcer.loadPolicy();
        return new JCasbinContender(world, enforcer);
    }

    @Override
    public String name() {
        return "jcasbin";
    }

    @Override
    public String where() {
        return "memory";
    }

    static String resource(int id) {
        return "r:" + id;
    }

    @Override
    public Answer prepare(Task task) {
        var landmarks = world.landmarks();
        String checked = resource(landmarks.checkedResource());
        String edit = World.PERMISSIONS.get(World.EDIT);
        return switch (task.operation()) {
            case FLOOR -> Contender.notAnswered("the floor is plain JDBC");
            case CHECK_KNOWN -> Contender.notAnswered(
                    "jCasbin resolves the subject's roles inside every enforce call: see 'principals unknown'");
            case CHECK_UNKNOWN -> {
                String checker = World.principalKey(landmarks.checker());
                yield Contender.ready(() -> enforcer.enforce(checker, checked, edit));
            }
            case CHECK_ALL -> {
                String checker = World.principalKey(landmarks.checker());
                var requests = new ArrayList<List<String>>();
                landmarks.checkAllResources().forEach(id -> requests.add(List.of(checker, resource(id), edit)));
                yield Contender.ready(() -> enforcer.batchEnforce(requests));
            }
            case FIRST_PAGE_NARROW, DEEP_PAGE_NARROW, FIRST_PAGE_BROAD, DEEP_PAGE_BROAD, COUNT_BROAD ->
                    Contender.notAnswered("jCasbin's reverse queries (getImplicitPermissionsForUser) do not follow "
                            + "the g2 resource hierarchy: listing means enforcing every resource");
            case WHO_CAN -> Contender.notAnswered(
                    "jCasbin's getImplicitUsersForPermission does not follow the g2 resource hierarchy");
            case SIGN_IN -> Contender.notAnswered("signing in is not part of jCasbin");
            case GRANT -> Contender.ready(new Granting());
            case REVOKE -> Contender.ready(new Revoking());
            case MOVE_SUBTREE -> Contender.ready(new Moving());
            case CHECK_AT_DEPTH -> {
                String checker = World.principalKey(landmarks.checker());
                String node = resource(landmarks.spineAtDepth().get(task.point()));
                yield Contender.ready(() -> enforcer.enforce(checker, node, edit));
            }
            case CHECK_WITH_GROUPS -> {
                String user = World.principalKey(landmarks.groupAxisUsers().get(task.point()));
                yield Contender.ready(() -> enforcer.enforce(user, checked, edit));
            }
        };
    }

    private static List<String> policy(FreshGrants.Pair pair) {
        return List.of(World.principalKey(pair.user()), resource(pair.resource()),
                World.PERMISSIONS.get(World.MANAGE), "allow");
    }

    private final class Granting implements Workload {
        private final FreshGrants fresh = new FreshGrants(world);
        private final ArrayDeque<List<String>> granted = new ArrayDeque<>();

        @Override
        public Object run() {
            var rule = policy(fresh.next());
            enforcer.addPolicy(rule);
            granted.add(rule);
            return rule;
        }

        @Override
        public void afterBatch() {
            while (!granted.isEmpty()) {
                enforcer.removePolicy(granted.poll());
            }
        }
    }

    private final class Revoking implements Workload {
        private final FreshGrants fresh = new FreshGrants(world);
        private final ArrayDeque<List<String>> granted = new ArrayDeque<>();

        @Override
        public void beforeBatch(int calls) {
            for (int i = 0; i < calls; i++) {
                var rule = policy(fresh.next());
                enforcer.addPolicy(rule);
                granted.add(rule);
            }
        }

        @Override
        public Object run() {
            var rule = granted.poll();
            if (rule == null) {
                throw new IllegalStateException("more revokes than grants prepared for the batch");
            }
            return enforcer.removePolicy(rule);
        }

        @Override
        public void afterBatch() {
            while (!granted.isEmpty()) {
                enforcer.removePolicy(granted.poll());
            }
        }
    }

    /** Replaces the subtree root's g2 link to its parent. */
    private final class Moving implements Workload {
        private final String subtree = resource(world.landmarks().movedSubtreeRoot());
        private final String parentA = resource(world.landmarks().moveParentA());
        private final String parentB = resource(world.landmarks().moveParentB());
        private String parent = enforcer.getFilteredNamedGroupingPolicy("g2", 0, subtree).get(0).get(1);

        @Override
        public Object run() {
            String target = parent.equals(parentA) ? parentB : parentA;
            enforcer.removeNamedGroupingPolicy("g2", subtree, parent);
            enforcer.addNamedGroupingPolicy("g2", subtree, target);
            parent = target;
            return target;
        }
    }

    /** Reads the world into Casbin's model: p for grants and Deny entries, g for memberships, g2 for parents. */
    private record WorldAdapter(World world) implements Adapter {
        @Override
        public void loadPolicy(Model model) {
            for (int i = 0; i < world.denyCount(); i++) {
                model.addPolicy("p", "p", List.of(World.principalKey(world.denyUser(i)),
                        resource(world.denyResource(i)), World.PERMISSIONS.get(World.EDIT), "deny"));
            }
            for (int i = 0; i < world.grantCount(); i++) {
                model.addPolicy("p", "p", List.of(World.principalKey(world.grantPrincipal(i)),
                        resource(world.grantResource(i)), World.PERMISSIONS.get(world.grantPermission(i)), "allow"));
            }
            for (int i = 0; i < world.membershipCount(); i++) {
                model.addPolicy("g", "g", List.of(World.principalKey(world.membershipUser(i)),
                        World.principalKey(-world.membershipGroup(i))));
            }
            for (int id = 1; id <= world.resourceCount(); id++) {
                if (world.parentOf(id) != 0) {
                    model.addPolicy("g", "g2", List.of(resource(id), resource(world.parentOf(id))));
                }
            }
        }

        @Override
        public void savePolicy(Model model) {
            throw new UnsupportedOperationException("the benchmark's policies are never saved");
        }

        @Override
        public void addPolicy(String sec, String ptype, List<String> rule) {
            throw new UnsupportedOperationException("auto-save is off");
        }

        @Override
        public void removePolicy(String sec, String ptype, List<String> rule) {
            throw new UnsupportedOperationException("auto-save is off");
        }

        @Override
        public void removeFilteredPolicy(String sec, String ptype, int fieldIndex, String... fieldValues) {
            throw new UnsupportedOperationException("auto-save is off");
        }
    }
}
