package dev.gatehouse.hibernate;

import java.lang.reflect.InvocationTargetException;
import org.hibernate.SessionFactory;

/**
 * The entities a store works with, by class and by HQL entity name. HQL is written with {@code {User}},
 * {@code {Group}} and {@code {Resource}} where the configured entities go. Immutable.
 */
final class Mapping {
    private final Class<? extends GatehouseUserBase> userClass;
    private final Class<? extends GatehouseGroupBase> groupClass;
    private final Class<? extends GatehouseResourceBase> resourceClass;
    private final String user;
    private final String group;
    private final String resource;

    Mapping(SessionFactory sessionFactory, GatehouseEntities entities) {
        this.userClass = entities.user();
        this.groupClass = entities.group();
        this.resourceClass = entities.resource();
        this.user = entityName(sessionFactory, userClass);
        this.group = entityName(sessionFactory, groupClass);
        this.resource = entityName(sessionFactory, resourceClass);
        for (var internal : entities.managedClasses()) {
            entityName(sessionFactory, internal);
        }
    }

    private static String entityName(SessionFactory sessionFactory, Class<?> entity) {
        try {
            return sessionFactory.getMetamodel().entity(entity).getName();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(entity.getName() + " is not an entity of this SessionFactory: register "
                    + "GatehouseEntities.managedClasses() (GatehouseSessionFactory does)", e);
        }
    }

    /** @return {@code template} with the configured entity names in place of {User}, {Group} and {Resource} */
    String hql(String template) {
        return template.replace("{User}", user).replace("{Group}", group).replace("{Resource}", resource);
    }

    Class<? extends GatehouseUserBase> userClass() {
        return userClass;
    }

    Class<? extends GatehouseGroupBase> groupClass() {
        return groupClass;
    }

    GatehouseUserBase newUser() {
        return instantiate(userClass);
    }

    GatehouseGroupBase newGroup() {
        return instantiate(groupClass);
    }

    GatehouseResourceBase newResource() {
        return instantiate(resourceClass);
    }

    private static <T> T instantiate(Class<T> entity) {
        try {
            var constructor = entity.getDeclaredConstructor();
            constructor.setAccessible(true);
            return constructor.newInstance();
        } catch (NoSuchMethodException | InstantiationException | IllegalAccessException
                | InvocationTargetException e) {
            throw new IllegalStateException(entity.getName() + " needs a constructor without parameters", e);
        }
    }
}
