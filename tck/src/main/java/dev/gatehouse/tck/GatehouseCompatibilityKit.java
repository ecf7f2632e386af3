package dev.gatehouse.tck;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;

/**
 * The compatibility kit every Gatehouse store must pass. Extend it in your test sources, return a fresh store from
 * {@link #newStore()}, and run the class with JUnit 5:
 *
 * <pre>{@code
 * class MyStoreCompatibilityTest extends GatehouseCompatibilityKit {
 *     @Override
 *     protected StoreUnderTest newStore() {
 *         return StoreUnderTest.sql(freshDataSource(), dataSource -> MyStore.create(dataSource));
 *     }
 * }
 * }</pre>
 *
 * Each area below is a {@code @Nested} group; after every test the kit checks the invariants (dense orderings, no
 * cycles, no orphans).
 */
public abstract class GatehouseCompatibilityKit {
    /**
     * Called before every test.
     *
     * @return an empty store, and how to count its round trips
     */
    protected abstract StoreUnderTest newStore();

    @Nested
    @DisplayName("Users and lookups: names and emails compare ignoring case")
    class Users extends UsersKit {
        Users() {
            super(GatehouseCompatibilityKit.this);
        }
    }

    @Nested
    @DisplayName("Passwords and security codes")
    class PasswordsAndCodes extends PasswordsAndCodesKit {
        PasswordsAndCodes() {
            super(GatehouseCompatibilityKit.this);
        }
    }

    @Nested
    @DisplayName("Groups and their members")
    class Groups extends GroupsKit {
        Groups() {
            super(GatehouseCompatibilityKit.this);
        }
    }

    @Nested
    @DisplayName("Global grants and resource grants, for users and groups")
    class Grants extends GrantsKit {
        Grants() {
            super(GatehouseCompatibilityKit.this);
        }
    }

    @Nested
    @DisplayName("Owners: an owner user and an owner group hold the owner role")
    class Owners extends OwnersKit {
        Owners() {
            super(GatehouseCompatibilityKit.this);
        }
    }

    @Nested
    @DisplayName("Roles: global roles and principal roles, with and without inheritance")
    class Roles extends RolesKit {
        Roles() {
            super(GatehouseCompatibilityKit.this);
        }
    }

    @Nested
    @DisplayName("Explicit ACLs, where Deny lives")
    class Acls extends AclKit {
        Acls() {
            super(GatehouseCompatibilityKit.this);
        }
    }

    @Nested
    @DisplayName("Inherit as a stop")
    class Inheritance extends InheritanceKit {
        Inheritance() {
            super(GatehouseCompatibilityKit.this);
        }
    }

    @Nested
    @DisplayName("The resource tree: positions, subtrees, paths, moves and deletes")
    class Tree extends TreeKit {
        Tree() {
            super(GatehouseCompatibilityKit.this);
        }
    }

    @Nested
    @DisplayName("Reverse queries: permissions on a resource, accessible resources, who can")
    class ReverseQueries extends ReverseQueriesKit {
        ReverseQueries() {
            super(GatehouseCompatibilityKit.this);
        }
    }

    @Nested
    @DisplayName("External identities")
    class Identities extends IdentitiesKit {
        Identities() {
            super(GatehouseCompatibilityKit.this);
        }
    }

    @Nested
    @DisplayName("Sign-in and tickets")
    class SignIn extends SignInKit {
        SignIn() {
            super(GatehouseCompatibilityKit.this);
        }
    }

    @Nested
    @DisplayName("The guard")
    class Guard extends GuardKit {
        Guard() {
            super(GatehouseCompatibilityKit.this);
        }
    }

    @Nested
    @DisplayName("Declared capabilities, both sides")
    class Capabilities extends CapabilitiesKit {
        Capabilities() {
            super(GatehouseCompatibilityKit.this);
        }
    }

    @Nested
    @DisplayName("Bad input: rejected calls change nothing and raise the documented type")
    class BadInput extends BadInputKit {
        BadInput() {
            super(GatehouseCompatibilityKit.this);
        }
    }

    @Nested
    @DisplayName("Random worlds: the store decides exactly as the in-memory reference")
    class Differential extends DifferentialKit {
        Differential() {
            super(GatehouseCompatibilityKit.this);
        }
    }

    @Nested
    @DisplayName("Statement budgets: constant round trips whatever the depth and group count")
    class StatementBudgets extends StatementBudgetKit {
        StatementBudgets() {
            super(GatehouseCompatibilityKit.this);
        }
    }

    @Nested
    @DisplayName("Concurrency: parallel grants, moves and sign-ins")
    class Concurrency extends ConcurrencyKit {
        Concurrency() {
            super(GatehouseCompatibilityKit.this);
        }
    }
}
