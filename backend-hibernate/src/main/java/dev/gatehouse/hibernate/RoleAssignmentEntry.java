package dev.gatehouse.hibernate;

import dev.gatehouse.model.ResourceId;
import dev.gatehouse.model.RoleAssignment;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.jspecify.annotations.Nullable;

/** A row of {@code gatehouse_role_assignments}: a role held by a user or group, globally or on one resource. */
@Entity(name = "GatehouseRoleAssignment")
@Table(name = "gatehouse_role_assignments")
class RoleAssignmentEntry {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "id")
    private @Nullable Long id;

    /** The canonical {@code Principal.key()}: {@code user:7} or {@code group:3}. */
    @Column(name = "principal", nullable = false, length = 80)
    private String principal = "";

    /** Generated from {@code principal} by the database: mapped for joins, never written. */
    @Column(name = "user_id", insertable = false, updatable = false)
    private @Nullable Long userId;

    /** Generated from {@code principal} by the database: mapped for joins, never written. */
    @Column(name = "group_id", insertable = false, updatable = false)
    private @Nullable Long groupId;

    @Column(name = "role_name", nullable = false, length = 64)
    private String roleName = "";

    @Column(name = "resource_id")
    private @Nullable Long resourceId;

    protected RoleAssignmentEntry() {}

    RoleAssignmentEntry(RoleAssignment assignment) {
        this.principal = assignment.holder().key();
        this.roleName = assignment.role();
        this.resourceId = assignment.resource().map(ResourceId::value).orElse(null);
    }
}
