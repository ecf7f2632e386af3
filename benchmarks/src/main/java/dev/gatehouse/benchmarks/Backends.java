package dev.gatehouse.benchmarks;

import dev.gatehouse.hibernate.GatehouseSessionFactory;
import dev.gatehouse.hibernate.HibernateStore;
import dev.gatehouse.jdbi.JdbiStore;
import dev.gatehouse.memory.InMemoryStore;
import java.util.List;
import org.jdbi.v3.core.Jdbi;

/**
 * The Gatehouse backends the suite runs, each opened the way its documentation shows. A new backend is one more
 * entry here (and its module a dependency of this one).
 */
final class Backends {
    private Backends() {}

    static List<Backend> all() {
        return List.of(
                new Backend.OverSql("gatehouse-jdbi", dataSource -> JdbiStore.builder(Jdbi.create(dataSource)).build()),
                new Backend.OverSql("gatehouse-hibernate", dataSource ->
                        HibernateStore.builder(GatehouseSessionFactory.builder(dataSource).build()).build()),
                new Backend.InMemory("gatehouse-memory", InMemoryStore::create));
    }
}
