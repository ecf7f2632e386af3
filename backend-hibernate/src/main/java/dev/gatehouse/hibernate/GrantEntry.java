package dev.gatehouse.hibernate;

import dev.gatehouse.model.Grant;
import dev.gatehouse.model.ResourceId;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.jspecify.annotations.Nullable;

/** A row of {@code gatehouse_grants}: a permission given to a user or group, globally or on one resource. */
@Entity(name = "GatehouseGrant")
@Table(name = "gatehouse_grants")
class GrantEntry {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "id")
    private @Nullable Long id;

    /** The canonical {@code Principal.key()}: {@code user:7} or {@code group:3}. */
    @Column(name = "principal", nullable = false, length = 80)
    private String principal = "";

    @Column(name = "permission", nullable = false, length = 64)
    private String permission = "";

    @Column(name = "resource_id")
    private @Nullable Long resourceId;

    protected GrantEntry() {}

    GrantEntry(Grant grant) {
        this.principal = grant.grantee().key();
        this.permission = grant.permission().name();
        this.resourceId = grant.resource().map(ResourceId::value).orElse(null);
    }
}
