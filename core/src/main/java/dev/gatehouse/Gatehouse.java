package dev.gatehouse;

import dev.gatehouse.decision.AclRegistry;
import dev.gatehouse.decision.Authorizer;
import dev.gatehouse.decision.RoleCatalog;
import dev.gatehouse.internal.Checks;
import dev.gatehouse.model.Permission;
import dev.gatehouse.security.PasswordHasher;
import dev.gatehouse.security.PasswordPolicy;
import dev.gatehouse.security.TicketSigner;
import dev.gatehouse.spi.GatehouseStore;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The entry point: users, groups, resources, permissions, the guard, sign-in and identities over one store.
 *
 * <pre>{@code
 * Gatehouse gatehouse = Gatehouse.builder(store).build();
 * UserId alice = gatehouse.users().create(NewUser.named("alice")).id();
 * gatehouse.permissions().grant(Grant.on(folder, Principal.user(alice), Permission.of("edit")));
 * boolean mayEdit = gatehouse.permissions().check(Subject.user(alice), Permission.of("edit"), folder);
 * }</pre>
 *
 * <p>Immutable and thread-safe when its store is.
 */
public final class Gatehouse {
    private final GatehouseStore store;
    private final Authorizer authorizer;
    private final Users users;
    private final Groups groups;
    private final Resources resources;
    private final Permissions permissions;
    private final Guard guard;
    private final SignIn signIn;
    private final Identities identities;

    private Gatehouse(Builder builder) {
        this.store = builder.store;
        var owner = builder.ownerPermissions.orElseGet(() -> builder.catalog.permissionsOf("owner"));
        var registry = builder.registry.orElseGet(() -> AclRegistry.defaults(builder.catalog));
        this.authorizer = new Authorizer(builder.catalog, registry, owner);
        var hasher = PasswordHasher.create(builder.passwordPolicy);
        this.users = new Users(store, builder.clock, hasher);
        this.groups = new Groups(store);
        this.resources = new Resources(store);
        this.permissions = new Permissions(store, authorizer);
        this.guard = new Guard(permissions);
        var signer = TicketSigner.create(
                builder.ticketKey.orElseGet(TicketSigner::newKey), builder.clock, builder.ticketLifetime,
                builder.reissueWindow);
        this.signIn = new SignIn(store, users, permissions, signer, builder.authenticators);
        this.identities = new Identities(store);
    }

    /** @return a builder over {@code store}, with cone.app's roles and default ACL */
    public static Builder builder(GatehouseStore store) {
        return new Builder(Checks.notNull(store, "store"));
    }

    public Users users() {
        return users;
    }

    public Groups groups() {
        return groups;
    }

    public Resources resources() {
        return resources;
    }

    public Permissions permissions() {
        return permissions;
    }

    public Guard guard() {
        return guard;
    }

    public SignIn signIn() {
        return signIn;
    }

    public Identities identities() {
        return identities;
    }

    /** @return the decision rules in force: role catalog, ACL registry, owner permissions */
    public Authorizer authorizer() {
        return authorizer;
    }

    /** @return the store this Gatehouse works on */
    public GatehouseStore store() {
        return store;
    }

    /** Configures a {@link Gatehouse}. Not thread-safe; {@link #build()} checks everything. */
    public static final class Builder {
        private final GatehouseStore store;
        private Clock clock = Clock.systemUTC();
        private RoleCatalog catalog = RoleCatalog.defaults();
        private Optional<AclRegistry> registry = Optional.empty();
        private Optional<Set<Permission>> ownerPermissions = Optional.empty();
        private PasswordPolicy passwordPolicy = PasswordPolicy.defaults();
        private Optional<byte[]> ticketKey = Optional.empty();
        private Duration ticketLifetime = Duration.ofHours(12);
        private Duration reissueWindow = Duration.ofHours(1);
        private final List<Authenticator> authenticators = new ArrayList<>();

        private Builder(GatehouseStore store) {
            this.store = store;
        }

        /** Where time comes from (registration, last login, code expiry, tickets). Default: UTC system clock. */
        public Builder clock(Clock clock) {
            this.clock = Checks.notNull(clock, "clock");
            return this;
        }

        /** Replaces the role catalog (default: cone.app's). */
        public Builder roles(RoleCatalog catalog) {
            this.catalog = Checks.notNull(catalog, "catalog");
            return this;
        }

        /** Replaces the ACL registry (default: the default ACL derived from the role catalog). */
        public Builder acls(AclRegistry registry) {
            this.registry = Optional.of(Checks.notNull(registry, "registry"));
            return this;
        }

        /** What the owner ACE allows (default: the {@code owner} role's permissions; {@code ALL} for ziggurat). */
        public Builder ownerPermissions(Set<Permission> permissions) {
            this.ownerPermissions = Optional.of(Set.copyOf(Checks.notNull(permissions, "ownerPermissions")));
            return this;
        }

        /** How new password hashes are made (default: Argon2id); older hashes are upgraded at sign-in. */
        public Builder passwordPolicy(PasswordPolicy policy) {
            this.passwordPolicy = Checks.notNull(policy, "passwordPolicy");
            return this;
        }

        /** The HMAC key tickets are signed with, at least 32 bytes (default: a random key per instance). */
        public Builder ticketKey(byte[] key) {
            this.ticketKey = Optional.of(Checks.notNull(key, "ticketKey").clone());
            return this;
        }

        /** How long a ticket stays valid, and how close to its expiry it is reissued. */
        public Builder tickets(Duration lifetime, Duration reissueWindow) {
            this.ticketLifetime = Checks.notNull(lifetime, "lifetime");
            this.reissueWindow = Checks.notNull(reissueWindow, "reissueWindow");
            return this;
        }

        /** Adds an authenticator tried, in order of addition, before the user store's passwords. */
        public Builder authenticator(Authenticator authenticator) {
            authenticators.add(Checks.notNull(authenticator, "authenticator"));
            return this;
        }

        public Gatehouse build() {
            return new Gatehouse(this);
        }
    }
}
