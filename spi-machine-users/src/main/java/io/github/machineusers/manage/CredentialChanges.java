package io.github.machineusers.manage;

import io.github.machineusers.model.CredentialStatus;
import io.github.machineusers.patch.Change;

/** What a partial update of a credential of any kind sets; an expiry set to null removes it. */
public record CredentialChanges(Change<CredentialStatus> status, Change<Long> expiresAt, Change<String> description) {
}
