package io.github.machineusers.model;

import java.util.List;

import org.keycloak.models.RealmModel;

/** The expiries of the credentials of every kind, for the warnings and the gauges. */
public interface CredentialExpiries {

    /**
     * Ids of ACTIVE credentials of every kind that are due an expiry warning: inside one of the thresholds (days
     * before expiry) and not yet warned for that threshold or a nearer one. Soonest expiry first, at most {@code max}.
     */
    List<String> dueForWarning(RealmModel realm, List<Integer> thresholdDays, long now, int max);

    /**
     * Records that the warning for {@code thresholdDays} was sent for the credential's current expiry. False when
     * that warning (or a later one) was already recorded, by this node or another, so a warning is claimed once.
     */
    boolean claimWarning(MachineUserCredential credential, int thresholdDays);

    /** ACTIVE credentials of the kind that expire after {@code from} and no later than {@code to}. */
    long countActiveExpiringBetween(RealmModel realm, CredentialKind kind, long from, long to);
}
