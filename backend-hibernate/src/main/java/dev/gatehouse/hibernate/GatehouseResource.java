package dev.gatehouse.hibernate;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** Gatehouse's resource entity, for applications that add no columns of their own to {@code gatehouse_resources}. */
@Entity(name = "GatehouseResource")
@Table(name = "gatehouse_resources")
public class GatehouseResource extends GatehouseResourceBase {
    /** For Hibernate, and for Gatehouse creating resources. */
    public GatehouseResource() {}
}
