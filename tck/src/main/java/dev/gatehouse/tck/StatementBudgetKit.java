package dev.gatehouse.tck;

/** The kit's tests of statement budgets: constant round trips whatever the depth and group count. */
public abstract class StatementBudgetKit extends AreaKit {
    protected StatementBudgetKit(GatehouseCompatibilityKit kit) {
        super(kit);
    }
}
