package io.github.machineusers.text;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;

import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.connections.jpa.JpaConnectionProviderFactory;
import org.keycloak.models.KeycloakSession;

/**
 * Keycloak creates its tables on MySQL and MariaDB with the 3-byte {@code utf8} character set,
 * so a name there can hold no character beyond the Basic Multilingual Plane (emoji, for one),
 * and comparing a column with such text is an SQL error rather than "no match". Lookups and
 * searches ask {@link #fits} first and find nothing without a query.
 */
public final class StoredText {

    private static volatile Boolean basicPlaneOnly;

    private StoredText() {
    }

    /** False when {@code text} holds characters that Keycloak's tables in this database cannot store. */
    public static boolean fits(KeycloakSession session, String text) {
        if (text == null || text.codePoints().allMatch(Character::isBmpCodePoint)) {
            return true;
        }
        return !basicPlaneOnly(session);
    }

    private static boolean basicPlaneOnly(KeycloakSession session) {
        Boolean known = basicPlaneOnly;
        if (known == null) {
            JpaConnectionProviderFactory factory = (JpaConnectionProviderFactory) session.getKeycloakSessionFactory()
                    .getProviderFactory(JpaConnectionProvider.class);
            try (Connection connection = factory.getConnection()) {
                String product = connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
                known = product.contains("mysql") || product.contains("mariadb");
            } catch (SQLException e) {
                throw new IllegalStateException("Cannot read the database product name", e);
            }
            basicPlaneOnly = known;
        }
        return known;
    }
}
