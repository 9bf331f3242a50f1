package io.github.machineusers.model;

/** Another credential of the realm already trusts this subject of this identity provider: one identity, one machine user. */
public class FederatedSubjectTakenException extends RuntimeException {

    public FederatedSubjectTakenException(String identityProviderAlias, String subject) {
        super("A machine user of this realm already trusts subject '" + subject + "' of identity provider '"
                + identityProviderAlias + "'");
    }
}
