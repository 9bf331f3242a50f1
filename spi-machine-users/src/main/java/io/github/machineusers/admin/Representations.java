package io.github.machineusers.admin;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.type.TypeReference;
import io.github.machineusers.authorization.MachineUserPermissions;
import io.github.machineusers.groups.MachineUserGroups;
import io.github.machineusers.model.AccessKeyModel;
import io.github.machineusers.model.FederatedCredentialModel;
import io.github.machineusers.model.HistoryEntry;
import io.github.machineusers.model.MachineUser;
import io.github.machineusers.model.MachineUserPolicy;
import io.github.machineusers.model.MachineUserProvider;
import io.github.machineusers.model.PublicKeyModel;
import io.github.machineusers.partitions.Partitions;
import io.github.machineusers.permissionsets.PermissionSets;
import io.github.machineusers.representations.AccessKeyRepresentation;
import io.github.machineusers.representations.FederatedCredentialRepresentation;
import io.github.machineusers.representations.HistoryEntryRepresentation;
import io.github.machineusers.representations.MachineUserPolicyRepresentation;
import io.github.machineusers.representations.MachineUserRepresentation;
import io.github.machineusers.representations.PublicKeyRepresentation;
import org.keycloak.common.util.Time;
import org.keycloak.models.GroupModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.util.JsonSerialization;

/** Model to JSON. Secrets are added only by the create and replace answers, never here. */
final class Representations {

    private Representations() {
    }

    static MachineUserRepresentation toRepresentation(KeycloakSession session, MachineUserProvider provider, RealmModel realm, MachineUser machineUser) {
        MachineUserRepresentation rep = new MachineUserRepresentation();
        rep.id = machineUser.id();
        rep.clientId = machineUser.clientId();
        rep.name = machineUser.name();
        rep.description = machineUser.description();
        GroupModel partition = new Partitions(session, realm).byId(machineUser.partition());
        rep.partition = partition == null ? null : Partitions.path(partition);
        rep.status = machineUser.isSuspended() ? "SUSPENDED" : "ACTIVE";
        rep.suspendedReason = machineUser.isSuspended() ? machineUser.suspendedReason() : null;
        rep.accessTokenLifespan = machineUser.accessTokenLifespan();
        rep.notificationEmail = machineUser.notificationEmail();
        UserModel account = session.users().getServiceAccount(machineUser.client());
        rep.permissionSets = account == null ? List.of() : PermissionSets.directNames(account);
        rep.groups = account == null ? List.of() : MachineUserGroups.groupNames(account);
        rep.createdAt = provider.getCreatedAt(realm, machineUser.client());
        rep.createdBy = provider.getCreatedBy(realm, machineUser.client());
        return rep;
    }

    /** Adds what the caller may do with the machine user, for read answers. */
    static MachineUserRepresentation withAccess(MachineUserRepresentation rep, MachineUserPermissions permissions, MachineUser machineUser) {
        rep.access = Map.of("view", true, "manage", permissions.canManage(machineUser.partition()));
        return rep;
    }

    static AccessKeyRepresentation toRepresentation(MachineUserProvider provider, AccessKeyModel key) {
        AccessKeyRepresentation rep = new AccessKeyRepresentation();
        rep.id = key.getId();
        rep.status = key.isExpired(Time.currentTimeMillis()) ? "EXPIRED" : key.getStatus().name();
        rep.description = key.getDescription();
        rep.createdAt = key.getCreatedAt();
        rep.createdBy = key.getCreatedBy();
        rep.expiresAt = key.getExpiresAt();
        rep.lastUsedAt = provider.usage().lastUsed(key);
        return rep;
    }

    static PublicKeyRepresentation toRepresentation(MachineUserProvider provider, PublicKeyModel key) {
        PublicKeyRepresentation rep = new PublicKeyRepresentation();
        rep.id = key.getId();
        rep.status = key.isExpired(Time.currentTimeMillis()) ? "EXPIRED" : key.getStatus().name();
        rep.algorithm = key.getAlgorithm();
        try {
            rep.jwk = JsonSerialization.readValue(key.getJwk(), new TypeReference<Map<String, Object>>() { });
        } catch (IOException e) {
            throw new IllegalStateException("A stored JWK is not JSON: " + key.getId(), e);
        }
        rep.description = key.getDescription();
        rep.createdAt = key.getCreatedAt();
        rep.createdBy = key.getCreatedBy();
        rep.expiresAt = key.getExpiresAt();
        rep.lastUsedAt = provider.usage().lastUsed(key);
        return rep;
    }

    static FederatedCredentialRepresentation toRepresentation(MachineUserProvider provider, FederatedCredentialModel credential) {
        FederatedCredentialRepresentation rep = new FederatedCredentialRepresentation();
        rep.id = credential.getId();
        rep.status = credential.isExpired(Time.currentTimeMillis()) ? "EXPIRED" : credential.getStatus().name();
        rep.identityProvider = credential.getIdentityProviderAlias();
        rep.subject = credential.getSubject();
        rep.description = credential.getDescription();
        rep.createdAt = credential.getCreatedAt();
        rep.createdBy = credential.getCreatedBy();
        rep.expiresAt = credential.getExpiresAt();
        rep.lastUsedAt = provider.usage().lastUsed(credential);
        return rep;
    }

    static HistoryEntryRepresentation toRepresentation(HistoryEntry entry) {
        HistoryEntryRepresentation rep = new HistoryEntryRepresentation();
        rep.id = entry.id();
        rep.machineUserId = entry.machineUserId();
        rep.time = entry.time();
        rep.actorId = entry.actorId();
        rep.actorUsername = entry.actorUsername();
        rep.action = entry.action();
        if (entry.details() != null) {
            try {
                rep.details = JsonSerialization.readValue(entry.details(), com.fasterxml.jackson.databind.JsonNode.class);
            } catch (IOException e) {
                rep.details = null;
            }
        }
        return rep;
    }

    static MachineUserPolicyRepresentation toRepresentation(MachineUserPolicy policy) {
        MachineUserPolicyRepresentation rep = new MachineUserPolicyRepresentation();
        rep.maxKeysPerMachineUser = policy.maxKeysPerMachineUser();
        rep.maxKeyLifetimeDays = policy.maxKeyLifetimeDays();
        rep.keyExpiryWarningDays = policy.keyExpiryWarningDays();
        rep.defaultAccessTokenLifespan = policy.defaultAccessTokenLifespan();
        rep.notificationEmailRequired = policy.notificationEmailRequired();
        rep.maxAccessTokenLifespan = policy.maxAccessTokenLifespan();
        rep.maxPublicKeysPerMachineUser = policy.maxPublicKeysPerMachineUser();
        rep.maxFederatedCredentialsPerMachineUser = policy.maxFederatedCredentialsPerMachineUser();
        return rep;
    }
}
