package dev.gatehouse.hibernate;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** Gatehouse's group entity, for applications that add no columns of their own to {@code gatehouse_groups}. */
@Entity(name = "GatehouseGroup")
@Table(name = "gatehouse_groups")
public class GatehouseGroup extends GatehouseGroupBase {
    /** For Hibernate, and for Gatehouse creating groups. */
    public GatehouseGroup() {}
}
