package dev.gatehouse.cli;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** One thing an import file asks for, with the line it is written on. */
sealed interface ImportItem {
    /** @return the 1-based line of the file the item starts on */
    int line();

    /** @return what the item is, for messages and counts: {@code user}, {@code group}, … */
    String kind();

    record UserItem(int line, String name, Optional<String> email, boolean disabled, Map<String, String> attributes)
            implements ImportItem {
        @Override
        public String kind() {
            return "user";
        }
    }

    record GroupItem(int line, String name, Optional<String> description) implements ImportItem {
        @Override
        public String kind() {
            return "group";
        }
    }

    record MembershipItem(int line, String group, String user) implements ImportItem {
        @Override
        public String kind() {
            return "membership";
        }
    }

    /**
     * @param path the new resource's path; its parent is earlier in the file or in the database
     */
    record ResourceItem(int line, String path, String type, Optional<String> owner, Optional<String> ownerGroup,
            boolean inherit) implements ImportItem {
        @Override
        public String kind() {
            return "resource";
        }
    }

    /**
     * A permission ({@code role} empty) or a role ({@code permission} empty), globally or on a resource.
     *
     * @param on a path of the file or a resource of the database (path or id); empty for global
     */
    record GrantItem(int line, PrincipalReference grantee, Optional<String> permission, Optional<String> role,
            Optional<String> on) implements ImportItem {
        @Override
        public String kind() {
            return role.isPresent() ? "role assignment" : "grant";
        }
    }

    record AclItem(int line, String on, List<AclSyntax.Entry> entries) implements ImportItem {
        @Override
        public String kind() {
            return "ACL";
        }
    }
}
