package dev.gatehouse.benchmarks;

import java.io.Serializable;
import org.jspecify.annotations.Nullable;
import org.springframework.security.acls.model.AclCache;
import org.springframework.security.acls.model.MutableAcl;
import org.springframework.security.acls.model.ObjectIdentity;

/** An {@link AclCache} that keeps nothing: Spring Security ACL without its cache, reading its tables every time. */
final class NoAclCache implements AclCache {
    @Override
    public void evictFromCache(Serializable pk) {}

    @Override
    public void evictFromCache(ObjectIdentity objectIdentity) {}

    @Override
    public @Nullable MutableAcl getFromCache(ObjectIdentity objectIdentity) {
        return null;
    }

    @Override
    public @Nullable MutableAcl getFromCache(Serializable pk) {
        return null;
    }

    @Override
    public void putInCache(MutableAcl acl) {}

    @Override
    public void clearCache() {}
}
