package io.github.machineusers.model;

import java.util.Map;
import java.util.stream.Stream;

import org.keycloak.models.RealmModel;

/** The changelog of machine users. Entries outlive the machine user they describe. */
public interface HistoryStore {

    void record(RealmModel realm, String machineUserId, HistoryAction action, Actor actor, Map<String, Object> details);

    Stream<HistoryEntry> list(RealmModel realm, String machineUserId, int first, int max);

    long count(RealmModel realm, String machineUserId);

    void removeByRealm(String realmId);
}
