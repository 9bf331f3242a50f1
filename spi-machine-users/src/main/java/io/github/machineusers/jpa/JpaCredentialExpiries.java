package io.github.machineusers.jpa;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import io.github.machineusers.model.CredentialExpiries;
import io.github.machineusers.model.CredentialKind;
import io.github.machineusers.model.MachineUserCredential;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import org.keycloak.models.RealmModel;

/** The same expiry queries over each kind's table (their columns come from {@code CredentialEntity}). */
class JpaCredentialExpiries implements CredentialExpiries {

    private static final Map<CredentialKind, String> ENTITY = Map.of(
            CredentialKind.ACCESS_KEY, "AccessKeyEntity",
            CredentialKind.PUBLIC_KEY, "PublicKeyEntity",
            CredentialKind.FEDERATED, "FederatedCredentialEntity");

    private final Supplier<EntityManager> em;

    JpaCredentialExpiries(Supplier<EntityManager> em) {
        this.em = em;
    }

    private record Due(String id, Long expiresAt) {
    }

    /**
     * One band per threshold: a credential whose expiry lies between the next nearer threshold and this one is due
     * unless it was warned for this threshold or a nearer one already.
     */
    @Override
    public List<String> dueForWarning(RealmModel realm, List<Integer> thresholdDays, long now, int max) {
        List<Integer> ascending = thresholdDays.stream().distinct().sorted().toList();
        if (ascending.isEmpty()) {
            return List.of();
        }
        List<Due> due = new ArrayList<>();
        for (String entity : ENTITY.values()) {
            StringBuilder jpql = new StringBuilder("select c.id, c.expiresAt from ").append(entity)
                    .append(" c where c.realmId = :realmId and c.status = 'ACTIVE' and (");
            for (int i = 0; i < ascending.size(); i++) {
                jpql.append(i == 0 ? "" : " or ")
                        .append("(c.expiresAt > :from").append(i).append(" and c.expiresAt <= :to").append(i)
                        .append(" and (c.expiryWarnedDays is null or c.expiryWarnedDays > :days").append(i).append("))");
            }
            jpql.append(") order by c.expiresAt, c.id");
            TypedQuery<Object[]> query = em.get().createQuery(jpql.toString(), Object[].class).setParameter("realmId", realm.getId());
            for (int i = 0; i < ascending.size(); i++) {
                query.setParameter("from" + i, i == 0 ? now : now + TimeUnit.DAYS.toMillis(ascending.get(i - 1)))
                        .setParameter("to" + i, now + TimeUnit.DAYS.toMillis(ascending.get(i)))
                        .setParameter("days" + i, ascending.get(i));
            }
            query.setMaxResults(max).getResultStream().forEach(row -> due.add(new Due((String) row[0], (Long) row[1])));
        }
        return due.stream()
                .sorted(Comparator.comparing(Due::expiresAt).thenComparing(Due::id))
                .limit(max)
                .map(Due::id)
                .toList();
    }

    @Override
    public boolean claimWarning(MachineUserCredential credential, int thresholdDays) {
        if (credential.getExpiresAt() == null) {
            return false;
        }
        return em.get().createQuery("update " + ENTITY.get(credential.getKind()) + " c set c.expiryWarnedDays = :days"
                        + " where c.id = :id and c.expiresAt = :expiresAt and (c.expiryWarnedDays is null or c.expiryWarnedDays > :days)")
                .setParameter("days", thresholdDays)
                .setParameter("id", credential.getId())
                .setParameter("expiresAt", credential.getExpiresAt())
                .executeUpdate() == 1;
    }

    @Override
    public long countActiveExpiringBetween(RealmModel realm, CredentialKind kind, long from, long to) {
        return em.get().createQuery("select count(c) from " + ENTITY.get(kind) + " c where c.realmId = :realmId"
                        + " and c.status = 'ACTIVE' and c.expiresAt > :from and c.expiresAt <= :to", Long.class)
                .setParameter("realmId", realm.getId())
                .setParameter("from", from)
                .setParameter("to", to)
                .getSingleResult();
    }
}
