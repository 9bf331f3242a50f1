package io.github.machineusers.model;

import org.keycloak.models.ModelDuplicateException;

public class AccessKeyLimitReachedException extends ModelDuplicateException {

    public AccessKeyLimitReachedException(int limit) {
        super("The machine user already has the maximum of " + limit + " access keys");
    }
}
