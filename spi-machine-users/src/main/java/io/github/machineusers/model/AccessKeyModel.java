package io.github.machineusers.model;

/** A credential of a key id and a shared secret; the secret itself is never stored. */
public interface AccessKeyModel extends MachineUserCredential {

    @Override
    default CredentialKind getKind() {
        return CredentialKind.ACCESS_KEY;
    }

    /** The stored hash of the secret. */
    String getSecretHash();

    boolean secretMatches(String presentedSecret);
}
