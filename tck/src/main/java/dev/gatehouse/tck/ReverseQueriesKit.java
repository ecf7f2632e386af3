package dev.gatehouse.tck;

/** The kit's tests of reverse queries: permissions on a resource, accessible resources, who can. */
public abstract class ReverseQueriesKit extends AreaKit {
    protected ReverseQueriesKit(GatehouseCompatibilityKit kit) {
        super(kit);
    }
}
