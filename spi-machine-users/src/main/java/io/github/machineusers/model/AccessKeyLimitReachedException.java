package io.github.machineusers.model;

public class AccessKeyLimitReachedException extends CredentialLimitReachedException {

    public AccessKeyLimitReachedException(int limit) {
        super("access keys", limit);
    }
}
