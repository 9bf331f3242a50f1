package io.github.machineusers.model;

import org.keycloak.models.ModelDuplicateException;

/** The machine user holds as many credentials of a kind as the realm policy allows. */
public class CredentialLimitReachedException extends ModelDuplicateException {

    public CredentialLimitReachedException(String kindPlural, int limit) {
        super("The machine user already has the maximum of " + limit + " " + kindPlural);
    }
}
