package dev.gatehouse.schema;

import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The databases the schema supports, each with the folder its migrations live in. MySQL shares MariaDB's
 * migrations.
 */
public enum Dialect {
    /** H2 2.x in its regular mode. */
    H2("H2", "h2", 2, 0, 0),
    /** PostgreSQL 12 or newer (stored generated columns). */
    POSTGRESQL("PostgreSQL", "postgresql", 12, 0, 0),
    /** MariaDB 10.5 or newer. */
    MARIADB("MariaDB", "mariadb", 10, 5, 0),
    /** MySQL 8.0.16 or newer (the first to enforce CHECK constraints). */
    MYSQL("MySQL", "mariadb", 8, 0, 16);

    private static final Pattern VERSION = Pattern.compile("(\\d+)\\.(\\d+)(?:\\.(\\d+))?");

    private final String productName;
    private final String folder;
    private final int[] minimum;

    Dialect(String productName, String folder, int major, int minor, int patch) {
        this.productName = productName;
        this.folder = folder;
        this.minimum = new int[] {major, minor, patch};
    }

    /** @return the product's name as people write it, e.g. {@code PostgreSQL} */
    public String productName() {
        return productName;
    }

    /** @return the classpath location of this dialect's migrations, e.g. {@code db/gatehouse/postgresql} */
    public String location() {
        return Migrations.LOCATION_ROOT + "/" + folder;
    }

    /** @return the oldest supported version, e.g. {@code 8.0.16} */
    public String minimumVersion() {
        return minimum[0] + "." + minimum[1] + "." + minimum[2];
    }

    /**
     * Recognises the database behind a connection from its JDBC metadata.
     *
     * @param metaData the connection's metadata
     * @return the dialect
     * @throws MigrationException for a database Gatehouse does not support, or a version older than the minimum,
     *     naming the product and version found
     * @throws SQLException if the metadata cannot be read
     */
    public static Dialect of(DatabaseMetaData metaData) throws SQLException {
        return of(metaData.getDatabaseProductName(), metaData.getDatabaseProductVersion());
    }

    /** The decision behind {@link #of(DatabaseMetaData)}, from the product name and version strings. */
    static Dialect of(String product, String version) {
        String name = product == null ? "" : product.strip();
        String lower = name.toLowerCase(Locale.ROOT);
        String ver = version == null ? "" : version.strip();
        Dialect dialect;
        if (lower.equals("h2")) {
            dialect = H2;
        } else if (lower.equals("postgresql")) {
            dialect = POSTGRESQL;
        } else if (lower.equals("mariadb") || (lower.equals("mysql") && ver.contains("MariaDB"))) {
            dialect = MARIADB;
            // MySQL drivers see MariaDB's old replication prefix: "5.5.5-10.11.6-MariaDB"
            ver = ver.startsWith("5.5.5-") ? ver.substring("5.5.5-".length()) : ver;
        } else if (lower.equals("mysql")) {
            dialect = MYSQL;
        } else {
            throw new MigrationException("Gatehouse has no schema for '" + name + "' (version '" + ver
                    + "'); supported databases are H2, PostgreSQL, MariaDB and MySQL");
        }
        dialect.requireVersion(ver);
        return dialect;
    }

    private void requireVersion(String version) {
        Matcher matcher = VERSION.matcher(version);
        if (!matcher.find()) {
            return; // an unusual version string: let Flyway and the SQL decide
        }
        int[] found = {
            Integer.parseInt(matcher.group(1)),
            Integer.parseInt(matcher.group(2)),
            matcher.group(3) == null ? 0 : Integer.parseInt(matcher.group(3))
        };
        for (int i = 0; i < found.length; i++) {
            if (found[i] != minimum[i]) {
                if (found[i] < minimum[i]) {
                    throw new MigrationException("Gatehouse needs " + productName + " " + minimumVersion()
                            + " or newer, found version '" + version + "'");
                }
                return;
            }
        }
    }
}
