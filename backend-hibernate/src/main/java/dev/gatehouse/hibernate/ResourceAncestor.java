package dev.gatehouse.hibernate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;

/**
 * A row of the closure table {@code gatehouse_resource_ancestors}: {@code ancestorId} is {@code depth} levels above
 * {@code descendantId} (0 for the resource itself). Written and read only through HQL, never loaded as an entity.
 */
@Entity(name = "GatehouseResourceAncestor")
@Table(name = "gatehouse_resource_ancestors")
@IdClass(ResourceAncestor.Key.class)
class ResourceAncestor {
    @Id
    @Column(name = "descendant_id")
    private long descendantId;

    @Id
    @Column(name = "ancestor_id")
    private long ancestorId;

    @Column(name = "depth", nullable = false)
    private int depth;

    protected ResourceAncestor() {}

    /** The primary key. */
    record Key(long descendantId, long ancestorId) implements Serializable {}
}
