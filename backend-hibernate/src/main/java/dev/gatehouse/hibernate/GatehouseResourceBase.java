package dev.gatehouse.hibernate;

import dev.gatehouse.model.GroupId;
import dev.gatehouse.model.NewResource;
import dev.gatehouse.model.ResourceId;
import dev.gatehouse.model.UserId;
import jakarta.persistence.Column;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The columns Gatehouse owns in {@code gatehouse_resources}, as a mapped superclass: extend it, as
 * {@link GatehouseUserBase} shows for users, to map columns of the application's own (a document's size, a page's
 * slug). {@link GatehouseResource} is the entity for applications that add none.
 *
 * <p>Parents and owners are mapped as plain ids, not associations, so that whichever entity an application
 * configures for users, groups and resources, these columns mean the same. Gatehouse renumbers siblings with bulk
 * HQL updates, which (as every bulk update in Hibernate) bypass the persistence context: refresh resource entities you
 * hold in the same session after moving or deleting resources through Gatehouse.
 */
@MappedSuperclass
public abstract class GatehouseResourceBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "id")
    private @Nullable Long id;

    @Column(name = "name", nullable = false)
    private String name = "";

    @Column(name = "type", nullable = false, length = 64)
    private String type = "";

    @Column(name = "parent_id")
    private @Nullable Long parentId;

    @Column(name = "ordering", nullable = false)
    private int ordering;

    @Column(name = "owner_user_id")
    private @Nullable Long ownerUserId;

    @Column(name = "owner_group_id")
    private @Nullable Long ownerGroupId;

    @Column(name = "inherit", nullable = false)
    private boolean inherit = true;

    protected GatehouseResourceBase() {}

    /** @return the id, or null before the resource is stored */
    public @Nullable Long getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public String getType() {
        return type;
    }

    public Optional<ResourceId> getParentId() {
        return Optional.ofNullable(parentId).map(ResourceId::of);
    }

    /** @return the 1-based position among its siblings, as last read or written by this session */
    public int getOrdering() {
        return ordering;
    }

    public Optional<UserId> getOwnerUser() {
        return Optional.ofNullable(ownerUserId).map(UserId::of);
    }

    public Optional<GroupId> getOwnerGroup() {
        return Optional.ofNullable(ownerGroupId).map(GroupId::of);
    }

    public boolean isInherit() {
        return inherit;
    }

    /** Fills in what Gatehouse stores for a new resource at {@code position}. */
    void describe(NewResource resource, int position) {
        this.name = resource.name();
        this.type = resource.type();
        this.parentId = resource.parentId().map(ResourceId::value).orElse(null);
        this.ordering = position;
        this.ownerUserId = resource.ownerUser().map(UserId::value).orElse(null);
        this.ownerGroupId = resource.ownerGroup().map(GroupId::value).orElse(null);
        this.inherit = resource.inherit();
    }
}
