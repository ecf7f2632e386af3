package dev.gatehouse.hibernate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;

/** A row of {@code gatehouse_memberships}: a user in a group. */
@Entity(name = "GatehouseMembership")
@Table(name = "gatehouse_memberships")
@IdClass(Membership.Key.class)
class Membership {
    @Id
    @Column(name = "group_id")
    private long groupId;

    @Id
    @Column(name = "user_id")
    private long userId;

    protected Membership() {}

    Membership(long groupId, long userId) {
        this.groupId = groupId;
        this.userId = userId;
    }

    /** The primary key. */
    record Key(long groupId, long userId) implements Serializable {}
}
