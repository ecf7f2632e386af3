package dev.gatehouse.hibernate;

import dev.gatehouse.model.Ace;
import dev.gatehouse.model.Action;
import dev.gatehouse.model.Permission;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/** A row of {@code gatehouse_acl_entries}, with its permissions: one entry of a resource's explicit ACL. */
@Entity(name = "GatehouseAclEntry")
@Table(name = "gatehouse_acl_entries")
class AclEntry {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "id")
    private @Nullable Long id;

    @Column(name = "resource_id", nullable = false)
    private long resourceId;

    @Column(name = "position", nullable = false)
    private int position;

    @Enumerated(EnumType.STRING)
    @Column(name = "action", nullable = false, length = 5)
    private Action action = Action.ALLOW;

    /** The canonical {@code Principal.key()}, of any of the five kinds. */
    @Column(name = "principal", nullable = false, length = 80)
    private String principal = "";

    @ElementCollection
    @CollectionTable(name = "gatehouse_acl_entry_permissions", joinColumns = @JoinColumn(name = "entry_id"))
    @Column(name = "permission", nullable = false, length = 64)
    private Set<String> permissions = new HashSet<>();

    protected AclEntry() {}

    AclEntry(long resourceId, int position, Ace ace) {
        this.resourceId = resourceId;
        this.position = position;
        this.action = ace.action();
        this.principal = ace.principal().key();
        this.permissions = ace.permissions().stream().map(Permission::name).collect(Collectors.toSet());
    }
}
