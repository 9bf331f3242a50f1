package io.github.machineusers.manage;

import io.github.machineusers.model.AccessKeyStatus;
import io.github.machineusers.patch.Change;

/** What a partial update of an access key sets; an expiry set to null removes it. */
public record AccessKeyChanges(Change<AccessKeyStatus> status, Change<Long> expiresAt, Change<String> description) {
}
