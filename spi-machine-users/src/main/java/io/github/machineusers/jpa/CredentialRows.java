package io.github.machineusers.jpa;

import java.util.Collection;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import io.github.machineusers.jpa.entity.CredentialEntity;
import io.github.machineusers.model.AccessKeysVersion;
import jakarta.persistence.EntityManager;
import org.keycloak.models.ClientModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;

/** What the stores of every kind of credential do alike with their rows. */
final class CredentialRows {

    private final KeycloakSession session;
    private final Supplier<EntityManager> em;

    CredentialRows(KeycloakSession session, Supplier<EntityManager> em) {
        this.session = session;
        this.em = em;
    }

    /** Renews the machine user's credential stamp, so every node's credential cache reads its credentials again. */
    void changed(String realmId, String machineUserId) {
        RealmModel realm = session.realms().getRealm(realmId);
        ClientModel client = realm == null ? null : session.clients().getClientById(realm, machineUserId);
        if (client != null) {
            AccessKeysVersion.renew(client);
        }
    }

    /** The lowest slot the existing credentials leave free; past the limit, the insert's constraint refuses it. */
    static int lowestFreeSlot(Collection<? extends CredentialEntity> existing) {
        Set<Integer> taken = existing.stream().map(CredentialEntity::getSlot).collect(Collectors.toSet());
        int slot = 1;
        while (taken.contains(slot)) {
            slot++;
        }
        return slot;
    }

    /**
     * A bulk delete counts the rows it removed. When two requests remove the same credential at once, the
     * second waits for the first and then removes nothing, which is a "not found" for its caller, where
     * EntityManager.remove would end in a stale-state failure. It also frees the slot at once, before a
     * replacement is inserted into it.
     */
    boolean remove(CredentialEntity entity, String namedDelete) {
        em.get().flush();
        em.get().detach(entity);
        boolean removed = em.get().createNamedQuery(namedDelete)
                .setParameter("id", entity.getId())
                .setParameter("realmId", entity.getRealmId())
                .executeUpdate() == 1;
        if (removed) {
            changed(entity.getRealmId(), entity.getMachineUserId());
        }
        return removed;
    }
}
