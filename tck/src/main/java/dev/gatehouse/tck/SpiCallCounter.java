package dev.gatehouse.tck;

import dev.gatehouse.spi.AccessQueries;
import dev.gatehouse.spi.Capability;
import dev.gatehouse.spi.GatehouseStore;
import dev.gatehouse.spi.GroupStore;
import dev.gatehouse.spi.IdentityStore;
import dev.gatehouse.spi.PermissionStore;
import dev.gatehouse.spi.ResourceStore;
import dev.gatehouse.spi.UserStore;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/** Counts calls into a store's SPI: the round trips of a store that has no SQL statements to count. */
public final class SpiCallCounter implements RoundTrips {
    private final AtomicLong calls = new AtomicLong();

    /** @return a store that forwards to {@code store} and counts every call into its sub-stores */
    public GatehouseStore wrap(GatehouseStore store) {
        var users = counted(UserStore.class, store.users());
        var groups = counted(GroupStore.class, store.groups());
        var resources = counted(ResourceStore.class, store.resources());
        var permissions = counted(PermissionStore.class, store.permissions());
        var identities = counted(IdentityStore.class, store.identities());
        var access = counted(AccessQueries.class, store.access());
        return new GatehouseStore() {
            @Override
            public UserStore users() {
                return users;
            }

            @Override
            public GroupStore groups() {
                return groups;
            }

            @Override
            public ResourceStore resources() {
                return resources;
            }

            @Override
            public PermissionStore permissions() {
                return permissions;
            }

            @Override
            public IdentityStore identities() {
                return identities;
            }

            @Override
            public AccessQueries access() {
                return access;
            }

            @Override
            public Set<Capability> capabilities() {
                return store.capabilities();
            }

            @Override
            public String toString() {
                return store.toString();
            }
        };
    }

    private <T> T counted(Class<T> type, T target) {
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (proxy, method, args) -> {
            if (method.getDeclaringClass() == Object.class) {
                return method.invoke(target, args);
            }
            calls.incrementAndGet();
            try {
                return method.invoke(target, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        }));
    }

    @Override
    public long count() {
        return calls.get();
    }

    @Override
    public void reset() {
        calls.set(0);
    }

    @Override
    public String unit() {
        return "store calls";
    }
}
