package io.github.machineusers.it.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * The database the distribution server runs on, chosen by the system property
 * {@code keycloak.test.database}: {@code h2} (the embedded dev-file database, default),
 * {@code postgres} or {@code mariadb} on loopback. A server database is dropped and created
 * empty before every run, so each run starts like a fresh installation.
 */
enum TestDatabase {

    H2 {
        @Override
        List<String> options(String database) {
            return List.of("--db=dev-file");
        }

        @Override
        Connection connect(java.nio.file.Path keycloakHome, String database) throws SQLException {
            // Only while the server is stopped: the embedded database belongs to one process at a time.
            return DriverManager.getConnection("jdbc:h2:file:" + keycloakHome.resolve("data/h2/keycloakdb") + ";IFEXISTS=TRUE",
                    "", "");
        }

        @Override
        void reset(String database) {
            // The dev-file database lives in the server's data directory, which is wiped anyway.
        }

        @Override
        boolean embedded() {
            return true;
        }
    },

    POSTGRES {
        @Override
        List<String> options(String database) {
            return List.of("--db=postgres", "--db-url=jdbc:postgresql://127.0.0.1:5432/" + database,
                    "--db-username=" + USER, "--db-password=" + PASSWORD);
        }

        @Override
        void reset(String database) throws SQLException {
            try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/postgres", "postgres", "");
                 Statement s = c.createStatement()) {
                s.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
                s.execute("DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '" + USER + "') THEN "
                        + "CREATE ROLE " + USER + " LOGIN PASSWORD '" + PASSWORD + "'; END IF; END $$");
                s.execute("CREATE DATABASE " + database + " OWNER " + USER);
            }
        }

        @Override
        Connection connect(java.nio.file.Path keycloakHome, String database) throws SQLException {
            return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/" + database, USER, PASSWORD);
        }
    },

    MARIADB {
        @Override
        List<String> options(String database) {
            return List.of("--db=mariadb", "--db-url=jdbc:mariadb://127.0.0.1:3306/" + database,
                    "--db-username=" + USER, "--db-password=" + PASSWORD);
        }

        @Override
        void reset(String database) throws SQLException {
            try (Connection c = DriverManager.getConnection("jdbc:mariadb://127.0.0.1:3306/", "root", "");
                 Statement s = c.createStatement()) {
                s.execute("DROP DATABASE IF EXISTS " + database);
                s.execute("CREATE DATABASE " + database + " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
                for (String host : List.of("localhost", "127.0.0.1", "%")) {
                    s.execute("CREATE USER IF NOT EXISTS '" + USER + "'@'" + host + "' IDENTIFIED BY '" + PASSWORD + "'");
                    s.execute("GRANT ALL PRIVILEGES ON " + database + ".* TO '" + USER + "'@'" + host + "'");
                }
            }
        }

        @Override
        Connection connect(java.nio.file.Path keycloakHome, String database) throws SQLException {
            return DriverManager.getConnection("jdbc:mariadb://127.0.0.1:3306/" + database, USER, PASSWORD);
        }
    };

    static final String NAME = "machine_users_it";
    static final String USER = "machine_users_it";
    /** A throwaway password for a database that exists only while the tests run on loopback. */
    static final String PASSWORD = "machine-users-it";

    /** kc.sh options for a database of this vendor; the vendor option comes first. */
    abstract List<String> options(String database);

    /** Drops the database and creates it empty (the embedded one needs nothing: it lives in data/). */
    abstract void reset(String database) throws SQLException;

    List<String> options() {
        return options(NAME);
    }

    void reset() throws SQLException {
        reset(NAME);
    }

    Connection connect(java.nio.file.Path keycloakHome) throws SQLException {
        return connect(keycloakHome, NAME);
    }

    /** True when only one process at a time may open the database (the server, or a tool while it is stopped). */
    boolean embedded() {
        return false;
    }

    /** A connection to a database of this vendor, as the servers' own user. */
    abstract Connection connect(java.nio.file.Path keycloakHome, String database) throws SQLException;

    static TestDatabase selected() {
        String name = System.getProperty("keycloak.test.database", "h2").trim();
        try {
            return valueOf(name.isEmpty() ? "H2" : name.toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("keycloak.test.database must be h2, postgres or mariadb, not '" + name + "'");
        }
    }
}
