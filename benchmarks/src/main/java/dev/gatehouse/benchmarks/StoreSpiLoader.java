package dev.gatehouse.benchmarks;

import dev.gatehouse.model.Ace;
import dev.gatehouse.model.Acl;
import dev.gatehouse.model.Grant;
import dev.gatehouse.model.GroupId;
import dev.gatehouse.model.NewGroup;
import dev.gatehouse.model.NewResource;
import dev.gatehouse.model.NewUser;
import dev.gatehouse.model.Permission;
import dev.gatehouse.model.Principal;
import dev.gatehouse.model.ResourceId;
import dev.gatehouse.model.UserId;
import dev.gatehouse.spi.GatehouseStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;

/**
 * Fills a store that keeps its own data (the in-memory reference store) with a {@link World}, through the store
 * SPI, creating everything in id order so the store assigns the world's ids.
 */
final class StoreSpiLoader {
    private static final Instant REGISTERED_AT = Instant.parse("2026-01-01T00:00:00Z");

    private StoreSpiLoader() {}

    static void load(World world, GatehouseStore store, String signInPasswordHash) {
        for (int user = 1; user <= world.userCount(); user++) {
            requireId(user, store.users().create(NewUser.named(world.userName(user)), REGISTERED_AT).id().value());
        }
        var signIn = UserId.of(world.landmarks().signInUser());
        store.users().setPasswordHash(signIn, signInPasswordHash);
        for (int group = 1; group <= world.groupCount(); group++) {
            requireId(group, store.groups().create(NewGroup.named(world.groupName(group))).id().value());
        }
        for (int i = 0; i < world.membershipCount(); i++) {
            store.groups().addMember(GroupId.of(world.membershipGroup(i)), UserId.of(world.membershipUser(i)));
        }
        for (int resource = 1; resource <= world.resourceCount(); resource++) {
            var created = NewResource.of(world.resourceName(resource), world.typeOf(resource));
            int parent = world.parentOf(resource);
            if (parent != 0) {
                created = created.under(ResourceId.of(parent));
            }
            requireId(resource, store.resources().create(created).id().value());
        }
        for (int i = 0; i < world.grantCount(); i++) {
            int principal = world.grantPrincipal(i);
            store.permissions().grant(Grant.on(ResourceId.of(world.grantResource(i)),
                    principal > 0 ? Principal.user(UserId.of(principal)) : Principal.group(GroupId.of(-principal)),
                    Permission.of(World.PERMISSIONS.get(world.grantPermission(i)))));
        }
        var deniesByResource = new LinkedHashMap<Integer, List<Ace>>();
        for (int i = 0; i < world.denyCount(); i++) {
            deniesByResource.computeIfAbsent(world.denyResource(i), resource -> new ArrayList<>())
                    .add(Ace.deny(Principal.user(UserId.of(world.denyUser(i))),
                            Permission.of(World.PERMISSIONS.get(World.EDIT))));
        }
        deniesByResource.forEach((resource, entries) ->
                store.permissions().setAcl(ResourceId.of(resource), new Acl(entries)));
    }

    private static void requireId(long expected, long assigned) {
        if (assigned != expected) {
            throw new IllegalStateException("the store assigned id " + assigned + " where the world has " + expected
                    + ": load into an empty store");
        }
    }
}
