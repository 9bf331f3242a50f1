package io.github.machineusers.manage;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.github.machineusers.mail.MachineUserMailer;
import io.github.machineusers.mail.MailAfterCommit;
import io.github.machineusers.mail.MailTemplate;
import io.github.machineusers.model.Actor;
import io.github.machineusers.model.HistoryAction;
import io.github.machineusers.model.IssuedAccessKey;
import io.github.machineusers.model.MachineUser;
import io.github.machineusers.model.MachineUserPolicy;
import io.github.machineusers.model.MachineUserProvider;
import io.github.machineusers.partitions.Partitions;
import io.github.machineusers.permissionsets.PermissionSet;
import io.github.machineusers.validation.Validation;
import org.keycloak.common.util.Time;
import org.keycloak.models.ClientModel;
import org.keycloak.models.GroupModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.services.managers.ClientManager;
import org.keycloak.services.managers.RealmManager;

/** Creates, changes, suspends and deletes machine users, and writes their history. */
public class MachineUserManager {

    /**
     * Session attribute naming the client whose deletion this manager has written into history, so that
     * the lifecycle, which hears of every client removal, does not record it a second time as a stock one.
     */
    public static final String DELETION_RECORDED = "machine-users.deletion-recorded";

    private final KeycloakSession session;
    private final RealmModel realm;
    private final MachineUserProvider provider;

    public MachineUserManager(KeycloakSession session, RealmModel realm) {
        this.session = session;
        this.realm = realm;
        this.provider = session.getProvider(MachineUserProvider.class);
    }

    public record Created(MachineUser machineUser, IssuedAccessKey accessKey) {
    }

    /**
     * @param permissionSets already resolved and checked against the caller's rights
     * @param partition      the owner partition, already checked against the caller's scope; null for the realm root
     * @param groups         machine-user groups to join, already resolved
     */
    public Created create(NewMachineUser wanted, List<PermissionSet> permissionSets, GroupModel partition,
                          List<GroupModel> groups, Actor actor) {
        String name = Validation.requiredText("name", wanted.name(), Validation.MAX_NAME);
        String description = Validation.optionalText("description", wanted.description(), Validation.MAX_DESCRIPTION);
        String clientId = Validation.clientId(wanted.clientId());
        String email = Validation.email(wanted.notificationEmail());
        MachineUserPolicy policy = MachineUserPolicy.of(realm);
        Integer lifespan = Validation.tokenLifespan(wanted.accessTokenLifespan(), policy);
        if (email == null && policy.notificationEmailRequired()) {
            throw Validation.badRequest("Field 'notificationEmail' is required by the realm's policy");
        }
        boolean generateKey = wanted.generateKey();
        Long keyExpiresAt = generateKey ? Validation.keyExpiry("keyExpiresAt", wanted.keyExpiresAt(), policy, Time.currentTimeMillis()) : null;

        ClientModel client = ClientManager.createClient(session, realm,
                MachineUserClientShape.newClient(clientId == null ? ClientIds.fromName(name) : clientId, name, description));
        MachineUserClientShape.apply(client);
        new ClientManager(new RealmManager(session)).enableServiceAccount(client);
        // The realm's default roles are for people (account console, offline access); a machine user
        // holds only what its permission sets grant, which keeps its tokens' roles and audience exact.
        UserModel account = session.users().getServiceAccount(client);
        if (account != null && realm.getDefaultRole() != null) {
            account.deleteRoleMapping(realm.getDefaultRole());
        }
        client.addClientScope(MachineUserRealmSetup.ensureClientScope(realm), true);
        MachineUser machineUser = MachineUser.of(client);
        machineUser.setNotificationEmail(email);
        machineUser.setAccessTokenLifespan(lifespan != null ? lifespan : policy.defaultAccessTokenLifespan());
        if (partition != null) {
            client.setAttribute(MachineUser.PARTITION, partition.getId());
        }
        provider.register(realm, client, actor.username());

        Map<String, Object> details = new LinkedHashMap<>();
        details.put("clientId", client.getClientId());
        details.put("name", name);
        if (partition != null) {
            details.put("partition", Partitions.path(partition));
        }
        provider.history().record(realm, client.getId(), HistoryAction.CREATED, actor, details);
        permissionSets.forEach(set -> grant(machineUser, set, actor));
        groups.forEach(group -> join(machineUser, group, actor));

        IssuedAccessKey key = generateKey
                ? new AccessKeyManager(session, realm).create(machineUser, null, keyExpiresAt, actor)
                : null;
        return new Created(machineUser, key);
    }

    /** Applies the fields the changes set; a field set to null is cleared. */
    public void update(MachineUser machineUser, MachineUserChanges update, Actor actor) {
        ClientModel client = machineUser.client();
        Map<String, Object> changes = new LinkedHashMap<>();
        if (update.name().isSet()) {
            String name = Validation.requiredText("name", update.name().value(), Validation.MAX_NAME);
            if (!name.equals(client.getName())) {
                changes.put("name", name);
                client.setName(name);
                provider.refreshSearchText(realm, client);
            }
        }
        if (update.description().isSet()) {
            String description = Validation.optionalText("description", update.description().value(), Validation.MAX_DESCRIPTION);
            if (!Objects.equals(description, client.getDescription())) {
                changes.put("description", description);
                client.setDescription(description);
            }
        }
        if (update.notificationEmail().isSet()) {
            String email = Validation.email(update.notificationEmail().value());
            if (email == null && MachineUserPolicy.of(realm).notificationEmailRequired()) {
                throw Validation.badRequest("Field 'notificationEmail' is required by the realm's policy");
            }
            if (!Objects.equals(email, machineUser.notificationEmail())) {
                changes.put("notificationEmail", email);
                machineUser.setNotificationEmail(email);
            }
        }
        if (update.accessTokenLifespan().isSet()) {
            Integer lifespan = Validation.tokenLifespan(update.accessTokenLifespan().value(), MachineUserPolicy.of(realm));
            if (!Objects.equals(lifespan, machineUser.accessTokenLifespan())) {
                changes.put("accessTokenLifespan", lifespan);
                machineUser.setAccessTokenLifespan(lifespan);
            }
        }
        if (!changes.isEmpty()) {
            provider.history().record(realm, client.getId(), HistoryAction.UPDATED, actor, changes);
        }
    }

    /** Blocks new tokens at once and makes every token issued so far inactive for good. */
    public void suspend(MachineUser machineUser, String reason, Actor actor) {
        String why = Validation.optionalText("reason", reason, Validation.MAX_REASON);
        ClientModel client = machineUser.client();
        client.setEnabled(false);
        // Token times have one-second resolution: a token issued in this very second must die too.
        client.setNotBefore(Time.currentTime() + 1);
        setOrRemove(client, MachineUser.SUSPENDED_REASON, why);
        long now = Time.currentTimeMillis();
        client.setAttribute(MachineUser.SUSPENDED_AT, Long.toString(now));
        provider.recordState(realm, client);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("reason", why);
        provider.history().record(realm, client.getId(), HistoryAction.SUSPENDED, actor, details);
        MailAfterCommit.enlist(session, realm, machineUser, MailTemplate.SUSPENDED, Map.of(
                "reason", why == null ? "" : why,
                "suspendedAt", MachineUserMailer.format(now),
                "suspendedBy", actor.username()));
    }

    /** Allows new tokens again; tokens issued before the suspension stay inactive. */
    public void resume(MachineUser machineUser, Actor actor) {
        ClientModel client = machineUser.client();
        client.setEnabled(true);
        client.removeAttribute(MachineUser.SUSPENDED_REASON);
        client.removeAttribute(MachineUser.SUSPENDED_AT);
        provider.recordState(realm, client);
        provider.history().record(realm, client.getId(), HistoryAction.RESUMED, actor, Map.of());
        TokenClock.waitUntilNewTokensAreValid(client.getNotBefore());
    }

    /** Moves the machine user to another owner partition; null moves it to the realm root. */
    public void moveTo(MachineUser machineUser, GroupModel partition, Actor actor) {
        String target = partition == null ? null : partition.getId();
        if (Objects.equals(target, machineUser.partition())) {
            return;
        }
        if (target == null) {
            machineUser.client().removeAttribute(MachineUser.PARTITION);
        } else {
            machineUser.client().setAttribute(MachineUser.PARTITION, target);
        }
        provider.setPartition(realm, machineUser.client(), target);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("partition", partition == null ? null : Partitions.path(partition));
        provider.history().record(realm, machineUser.id(), HistoryAction.UPDATED, actor, details);
    }

    /** @return false when it was a member already */
    public boolean join(MachineUser machineUser, GroupModel group, Actor actor) {
        UserModel account = serviceAccount(machineUser);
        if (account.isMemberOf(group)) {
            return false;
        }
        account.joinGroup(group);
        provider.history().record(realm, machineUser.id(), HistoryAction.GROUP_JOINED, actor, Map.of("group", group.getName()));
        return true;
    }

    /** @return false when it was not a member */
    public boolean leave(MachineUser machineUser, GroupModel group, Actor actor) {
        UserModel account = serviceAccount(machineUser);
        if (!account.isMemberOf(group)) {
            return false;
        }
        account.leaveGroup(group);
        provider.history().record(realm, machineUser.id(), HistoryAction.GROUP_LEFT, actor, Map.of("group", group.getName()));
        return true;
    }

    /** @return false when the set was granted already */
    public boolean grant(MachineUser machineUser, PermissionSet set, Actor actor) {
        UserModel account = serviceAccount(machineUser);
        if (account.getRealmRoleMappingsStream().anyMatch(set.role()::equals)) {
            return false;
        }
        account.grantRole(set.role());
        provider.history().record(realm, machineUser.id(), HistoryAction.PERMISSION_SET_GRANTED, actor, Map.of("permissionSet", set.name()));
        return true;
    }

    /** @return false when the set was not granted */
    public boolean revoke(MachineUser machineUser, PermissionSet set, Actor actor) {
        UserModel account = serviceAccount(machineUser);
        if (account.getRealmRoleMappingsStream().noneMatch(set.role()::equals)) {
            return false;
        }
        account.deleteRoleMapping(set.role());
        provider.history().record(realm, machineUser.id(), HistoryAction.PERMISSION_SET_REVOKED, actor, Map.of("permissionSet", set.name()));
        return true;
    }

    public UserModel serviceAccount(MachineUser machineUser) {
        UserModel account = session.users().getServiceAccount(machineUser.client());
        if (account == null) {
            // Someone turned the service account off in the stock console; a machine user always has one.
            new ClientManager(new RealmManager(session)).enableServiceAccount(machineUser.client());
            account = session.users().getServiceAccount(machineUser.client());
        }
        return account;
    }

    public void delete(MachineUser machineUser, Actor actor) {
        ClientModel client = machineUser.client();
        provider.history().record(realm, client.getId(), HistoryAction.DELETED, actor, Map.of("clientId", client.getClientId()));
        session.setAttribute(DELETION_RECORDED, client.getId());
        new ClientManager(new RealmManager(session)).removeClient(realm, client);
    }

    private static void setOrRemove(ClientModel client, String attribute, String value) {
        if (value == null) {
            client.removeAttribute(attribute);
        } else {
            client.setAttribute(attribute, value);
        }
    }
}
