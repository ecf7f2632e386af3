package dev.gatehouse.hibernate;

import dev.gatehouse.model.Action;
import dev.gatehouse.model.Principal;
import dev.gatehouse.model.ResourceId;
import dev.gatehouse.spi.CandidateQuery;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hibernate.SharedSessionContract;

/**
 * The HQL of one {@link CandidateQuery}: the resources after the cursor that pass the filter and that a global grant,
 * the base ACL of their type, or something on their lineage (a grant, a granting role, an Allow entry, ownership)
 * could allow. The lineage part looks the other way round, down from each node where something could allow, through
 * the closure table, so it is one statement whatever the depth. Parts whose lists are empty are left out; lists are
 * spelled out as {@link InList}s, so that the same shape of query reuses Hibernate's cached plan.
 */
final class CandidateHql {
    private final String hql;
    private final Map<String, Object> parameters = new HashMap<>();
    private final List<InList> lists = new ArrayList<>();
    private final boolean nothingQualifies;

    CandidateHql(Mapping mapping, CandidateQuery query) {
        var where = new ArrayList<String>();
        where.add("r.id > :after");
        parameters.put("after", query.afterId());
        var filter = query.filter();
        if (!filter.types().isEmpty()) {
            where.add("r.type in (" + list("types", filter.types()) + ")");
        }
        if (!filter.ids().isEmpty()) {
            where.add("r.id in (" + list("ids", filter.ids().stream().map(ResourceId::value).toList()) + ")");
        }
        filter.under().ifPresent(root -> {
            where.add("r.id in (select below.descendantId from GatehouseResourceAncestor below "
                    + "where below.ancestorId = :under)");
            parameters.put("under", root.value());
        });

        var scope = query.globallyAllowedTypes();
        boolean everyTypeAllowed = scope.complement() && scope.types().isEmpty();
        var qualifiers = everyTypeAllowed ? List.<String>of() : qualifiers(query);
        if (!qualifiers.isEmpty()) {
            where.add("(" + String.join(" or ", qualifiers) + ")");
        }
        this.nothingQualifies = !everyTypeAllowed && qualifiers.isEmpty();
        this.hql = mapping.hql("select r.id from {Resource} r where " + String.join(" and ", where)
                + " order by r.id limit :limit");
        parameters.put("limit", query.limit());
    }

    /** @return the ways a resource may qualify, each an HQL condition on {@code r}; their parameters are added */
    private List<String> qualifiers(CandidateQuery query) {
        var qualifiers = new ArrayList<String>();
        var scope = query.globallyAllowedTypes();
        if (scope.complement() && !scope.types().isEmpty()) {
            qualifiers.add("r.type not in (" + list("baseAclTypes", scope.types()) + ")");
        } else if (!scope.complement() && !scope.types().isEmpty()) {
            qualifiers.add("r.type in (" + list("baseAclTypes", scope.types()) + ")");
        }
        var keys = HibernatePermissions.keys(query.principals());
        if (!keys.isEmpty()) {
            var principals = list("principals", keys);
            parameters.put("permission", query.permission().name());
            qualifiers.add("""
                    exists (select anywhere.id from GatehouseGrant anywhere
                            where anywhere.resourceId is null and anywhere.permission in (:permission, 'ALL')
                              and anywhere.principal in (%s))""".formatted(principals));
            var allowingNodes = new ArrayList<String>();
            allowingNodes.add("""
                    select g.resourceId from GatehouseGrant g
                    where g.resourceId is not null and g.permission in (:permission, 'ALL')
                      and g.principal in (%s)""".formatted(principals));
            if (!query.rolesGranting().isEmpty()) {
                allowingNodes.add("""
                        select x.resourceId from GatehouseRoleAssignment x
                        where x.resourceId is not null and x.roleName in (%s) and x.principal in (%s)"""
                        .formatted(list("roles", query.rolesGranting()), principals));
            }
            allowingNodes.add("""
                    select e.resourceId from GatehouseAclEntry e join e.permissions p
                    where e.action = :allow and p in (:permission, 'ALL') and e.principal in (%s)"""
                    .formatted(principals));
            parameters.put("allow", Action.ALLOW);
            if (query.ownersQualify()) {
                var owners = new ArrayList<String>();
                var users = query.principals().stream().filter(Principal.OfUser.class::isInstance)
                        .map(user -> ((Principal.OfUser) user).id().value()).toList();
                var groups = query.principals().stream().filter(Principal.OfGroup.class::isInstance)
                        .map(group -> ((Principal.OfGroup) group).id().value()).toList();
                if (!users.isEmpty()) {
                    owners.add("o.ownerUserId in (" + list("ownerUsers", users) + ")");
                }
                if (!groups.isEmpty()) {
                    owners.add("o.ownerGroupId in (" + list("ownerGroups", groups) + ")");
                }
                if (!owners.isEmpty()) {
                    allowingNodes.add("select o.id from {Resource} o where " + String.join(" or ", owners));
                }
            }
            qualifiers.add("r.id in (select a.descendantId from GatehouseResourceAncestor a where a.ancestorId in ("
                    + String.join(" union all ", allowingNodes) + "))");
        }
        return qualifiers;
    }

    /** @return the placeholders of a new IN list, which {@link #run} binds */
    private String list(String name, Collection<?> values) {
        var list = InList.of(name, values);
        lists.add(list);
        return list.placeholders();
    }

    /** @return the candidates' ids in ascending order; no statement when nothing could qualify */
    List<Long> run(SharedSessionContract session) {
        if (nothingQualifies) {
            return List.of();
        }
        var query = session.createSelectionQuery(hql, Long.class);
        parameters.forEach(query::setParameter);
        lists.forEach(list -> list.bindTo(query));
        return query.getResultList();
    }
}
