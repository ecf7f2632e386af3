package dev.gatehouse.hibernate;

import java.sql.*;
import org.junit.jupiter.api.Test;

class ScratchTest {
    @Test
    void run() throws Exception {
        var url = "jdbc:h2:mem:scratch;DB_CLOSE_DELAY=-1";
        try (var a = DriverManager.getConnection(url); var b = DriverManager.getConnection(url)) {
            a.createStatement().execute("create table t (id bigint primary key, parent_id bigint, ordering int)");
            a.createStatement().execute("create index t_ix on t (parent_id, ordering)");
            a.createStatement().execute("insert into t values (1, null, 2), (2, null, 1), (3, 1, 1)");
            a.setAutoCommit(false);
            b.setAutoCommit(false);
            var ra = a.createStatement().executeQuery("select id from t where parent_id is null order by id for update");
            while (ra.next()) System.out.println("a locked " + ra.getLong(1));
            a.createStatement().executeUpdate("update t set parent_id = 2 where id = 1");
            var t = new Thread(() -> {
                try {
                    long t0 = System.nanoTime();
                    var rb = b.createStatement().executeQuery("select id from t where parent_id is null and id in (select 1 from dual union all select 3 from dual) order by id for update");
                    while (rb.next()) System.out.println("b locked " + rb.getLong(1) + " after " + (System.nanoTime() - t0) / 1e6 + " ms");
                    var rc = b.createStatement().executeQuery("select id, parent_id from t order by id");
                    while (rc.next()) System.out.println("b sees " + rc.getLong(1) + " parent " + rc.getObject(2));
                    b.commit();
                } catch (SQLException e) { e.printStackTrace(); }
            });
            t.start();
            Thread.sleep(500);
            a.commit();
            t.join();
        }
    }
}
