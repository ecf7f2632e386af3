package dev.gatehouse.hibernate;

import java.util.List;
import java.util.Objects;

/**
 * Which entity classes map Gatehouse's users, groups and resources: Gatehouse's own ({@link #defaults()}), or an
 * application's subclasses of {@link GatehouseUserBase}, {@link GatehouseGroupBase} and
 * {@link GatehouseResourceBase} that map columns of its own. Give the same value to
 * {@link GatehouseSessionFactory.Builder#entities(GatehouseEntities)} (or register {@link #managedClasses()} in your
 * own bootstrap) and to {@link HibernateStore.Builder#entities(GatehouseEntities)}.
 *
 * @param user the entity of {@code gatehouse_users}
 * @param group the entity of {@code gatehouse_groups}
 * @param resource the entity of {@code gatehouse_resources}
 */
public record GatehouseEntities(
        Class<? extends GatehouseUserBase> user,
        Class<? extends GatehouseGroupBase> group,
        Class<? extends GatehouseResourceBase> resource) {

    public GatehouseEntities {
        Objects.requireNonNull(user, "user entity");
        Objects.requireNonNull(group, "group entity");
        Objects.requireNonNull(resource, "resource entity");
    }

    /** @return {@link GatehouseUser}, {@link GatehouseGroup} and {@link GatehouseResource} */
    public static GatehouseEntities defaults() {
        return new GatehouseEntities(GatehouseUser.class, GatehouseGroup.class, GatehouseResource.class);
    }

    /** @return a copy that maps users with {@code entity} */
    public GatehouseEntities withUser(Class<? extends GatehouseUserBase> entity) {
        return new GatehouseEntities(entity, group, resource);
    }

    /** @return a copy that maps groups with {@code entity} */
    public GatehouseEntities withGroup(Class<? extends GatehouseGroupBase> entity) {
        return new GatehouseEntities(user, entity, resource);
    }

    /** @return a copy that maps resources with {@code entity} */
    public GatehouseEntities withResource(Class<? extends GatehouseResourceBase> entity) {
        return new GatehouseEntities(user, group, entity);
    }

    /**
     * @return every entity class Gatehouse needs registered in the persistence unit: these three and Gatehouse's
     *     own entities for memberships, the resource closure, grants, role assignments, ACL entries, security codes
     *     and external identities
     */
    public List<Class<?>> managedClasses() {
        return List.of(user, group, resource, Membership.class, ResourceAncestor.class, GrantEntry.class,
                RoleAssignmentEntry.class, AclEntry.class, SecurityCodeEntry.class, IdentityEntry.class);
    }
}
