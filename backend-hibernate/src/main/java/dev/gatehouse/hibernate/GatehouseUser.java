package dev.gatehouse.hibernate;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** Gatehouse's user entity, for applications that add no columns of their own to {@code gatehouse_users}. */
@Entity(name = "GatehouseUser")
@Table(name = "gatehouse_users")
public class GatehouseUser extends GatehouseUserBase {
    /** For Hibernate, and for Gatehouse creating users. */
    public GatehouseUser() {}
}
