package io.github.machineusers.model;

import org.keycloak.models.RealmModel;
import org.keycloak.models.utils.KeycloakModelUtils;

/**
 * A stamp on the realm, renewed whenever a federated credential is made: the one change that can turn an external
 * subject no machine user trusted into one a machine user trusts. Keycloak caches realms and drops a changed one on
 * every node, so a node may remember "no machine user trusts this subject" for as long as the realm carries the stamp
 * it saw, and a token request of a stock federated client costs no database read on our account.
 */
public final class FederatedSubjectsVersion {

    public static final String ATTRIBUTE = "machine-users.federated-subjects-version";

    private FederatedSubjectsVersion() {
    }

    /** Null in a realm where no federated credential was ever made. */
    public static String of(RealmModel realm) {
        return realm.getAttribute(ATTRIBUTE);
    }

    public static void renew(RealmModel realm) {
        realm.setAttribute(ATTRIBUTE, KeycloakModelUtils.generateId());
    }
}
