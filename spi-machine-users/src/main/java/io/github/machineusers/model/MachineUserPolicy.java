package io.github.machineusers.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.stream.Collectors;

import org.keycloak.models.RealmModel;

/**
 * The realm's rules for machine users, kept as realm attributes so they travel with realm export
 * and import.
 *
 * @param maxKeysPerMachineUser     keys a machine user may hold, active and inactive together
 * @param maxKeyLifetimeDays        cap on key lifetime, or null for none
 * @param keyExpiryWarningDays      days before expiry at which a warning is sent, largest first
 * @param defaultAccessTokenLifespan seconds given to new machine users, or null for the realm's
 * @param notificationEmailRequired  every machine user must name an address for expiry warnings
 * @param maxAccessTokenLifespan     seconds no machine-user token may outlive, and no machine user's lifespan may exceed;
 *                                   null for no cap beyond {@link #MAX_TOKEN_LIFESPAN_SECONDS}
 * @param maxPublicKeysPerMachineUser public keys a machine user may hold, active and inactive together
 * @param maxFederatedCredentialsPerMachineUser federated credentials a machine user may hold, active and inactive together
 */
public record MachineUserPolicy(int maxKeysPerMachineUser, Integer maxKeyLifetimeDays,
                                List<Integer> keyExpiryWarningDays, Integer defaultAccessTokenLifespan,
                                boolean notificationEmailRequired, Integer maxAccessTokenLifespan,
                                int maxPublicKeysPerMachineUser, int maxFederatedCredentialsPerMachineUser) {

    public static final int MIN_KEYS = 1;
    /** Also the bound of the database's check constraint on key slots. */
    public static final int MAX_KEYS = 10;
    public static final int DEFAULT_KEYS = 2;
    public static final int DEFAULT_PUBLIC_KEYS = 2;
    public static final int DEFAULT_FEDERATED_CREDENTIALS = 5;
    /** Also the bound of the database's check constraint on federated-credential slots. */
    public static final int MAX_FEDERATED_CREDENTIALS = 20;
    public static final int MAX_LIFETIME_DAYS = 3650;
    public static final int MAX_WARNING_DAYS = 365;
    public static final int MAX_WARNINGS = 5;
    public static final int MAX_TOKEN_LIFESPAN_SECONDS = 31_536_000;
    public static final List<Integer> DEFAULT_WARNING_DAYS = List.of(14, 1);

    static final String ATTR_MAX_KEYS = "machine-users.policy.max-keys-per-machine-user";
    static final String ATTR_MAX_LIFETIME = "machine-users.policy.max-key-lifetime-days";
    static final String ATTR_WARNING_DAYS = "machine-users.policy.key-expiry-warning-days";
    static final String ATTR_DEFAULT_LIFESPAN = "machine-users.policy.default-access-token-lifespan";
    static final String ATTR_EMAIL_REQUIRED = "machine-users.policy.notification-email-required";
    static final String ATTR_MAX_TOKEN_LIFESPAN = "machine-users.policy.max-access-token-lifespan";
    static final String ATTR_MAX_PUBLIC_KEYS = "machine-users.policy.max-public-keys-per-machine-user";
    static final String ATTR_MAX_FEDERATED = "machine-users.policy.max-federated-credentials-per-machine-user";

    public MachineUserPolicy(int maxKeysPerMachineUser, Integer maxKeyLifetimeDays, List<Integer> keyExpiryWarningDays,
                             Integer defaultAccessTokenLifespan) {
        this(maxKeysPerMachineUser, maxKeyLifetimeDays, keyExpiryWarningDays, defaultAccessTokenLifespan, false, null,
                DEFAULT_PUBLIC_KEYS, DEFAULT_FEDERATED_CREDENTIALS);
    }

    public MachineUserPolicy {
        keyExpiryWarningDays = keyExpiryWarningDays == null ? List.of() : sortedDescending(keyExpiryWarningDays);
    }

    public static MachineUserPolicy defaults() {
        return new MachineUserPolicy(DEFAULT_KEYS, null, DEFAULT_WARNING_DAYS, null);
    }

    public static MachineUserPolicy of(RealmModel realm) {
        MachineUserPolicy defaults = defaults();
        Integer maxKeys = parseInt(realm.getAttribute(ATTR_MAX_KEYS));
        Integer maxPublicKeys = parseInt(realm.getAttribute(ATTR_MAX_PUBLIC_KEYS));
        Integer maxFederated = parseInt(realm.getAttribute(ATTR_MAX_FEDERATED));
        String warnings = realm.getAttribute(ATTR_WARNING_DAYS);
        MachineUserPolicy policy = new MachineUserPolicy(
                maxKeys == null ? defaults.maxKeysPerMachineUser() : maxKeys,
                parseInt(realm.getAttribute(ATTR_MAX_LIFETIME)),
                warnings == null ? defaults.keyExpiryWarningDays() : parseList(warnings),
                parseInt(realm.getAttribute(ATTR_DEFAULT_LIFESPAN)),
                "true".equals(realm.getAttribute(ATTR_EMAIL_REQUIRED)),
                parseInt(realm.getAttribute(ATTR_MAX_TOKEN_LIFESPAN)),
                maxPublicKeys == null ? defaults.maxPublicKeysPerMachineUser() : maxPublicKeys,
                maxFederated == null ? defaults.maxFederatedCredentialsPerMachineUser() : maxFederated);
        // A hand-edited realm attribute must not widen the limits the API enforces.
        return policy.problems().isEmpty() ? policy : defaults;
    }

    /** Messages for every rule the policy breaks; empty when it is valid. */
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        if (maxKeysPerMachineUser < MIN_KEYS || maxKeysPerMachineUser > MAX_KEYS) {
            problems.add("maxKeysPerMachineUser must be between " + MIN_KEYS + " and " + MAX_KEYS);
        }
        if (maxPublicKeysPerMachineUser < MIN_KEYS || maxPublicKeysPerMachineUser > MAX_KEYS) {
            problems.add("maxPublicKeysPerMachineUser must be between " + MIN_KEYS + " and " + MAX_KEYS);
        }
        if (maxFederatedCredentialsPerMachineUser < MIN_KEYS || maxFederatedCredentialsPerMachineUser > MAX_FEDERATED_CREDENTIALS) {
            problems.add("maxFederatedCredentialsPerMachineUser must be between " + MIN_KEYS + " and " + MAX_FEDERATED_CREDENTIALS);
        }
        if (maxKeyLifetimeDays != null && (maxKeyLifetimeDays < 1 || maxKeyLifetimeDays > MAX_LIFETIME_DAYS)) {
            problems.add("maxKeyLifetimeDays must be between 1 and " + MAX_LIFETIME_DAYS + ", or null for no cap");
        }
        if (keyExpiryWarningDays.size() > MAX_WARNINGS) {
            problems.add("keyExpiryWarningDays takes at most " + MAX_WARNINGS + " values");
        }
        if (keyExpiryWarningDays.stream().anyMatch(d -> d == null || d < 1 || d > MAX_WARNING_DAYS)) {
            problems.add("keyExpiryWarningDays values must be between 1 and " + MAX_WARNING_DAYS);
        }
        if (keyExpiryWarningDays.stream().distinct().count() != keyExpiryWarningDays.size()) {
            problems.add("keyExpiryWarningDays values must be distinct");
        }
        if (defaultAccessTokenLifespan != null
                && (defaultAccessTokenLifespan < 1 || defaultAccessTokenLifespan > MAX_TOKEN_LIFESPAN_SECONDS)) {
            problems.add("defaultAccessTokenLifespan must be between 1 and " + MAX_TOKEN_LIFESPAN_SECONDS + " seconds, or null");
        }
        if (maxAccessTokenLifespan != null && (maxAccessTokenLifespan < 1 || maxAccessTokenLifespan > MAX_TOKEN_LIFESPAN_SECONDS)) {
            problems.add("maxAccessTokenLifespan must be between 1 and " + MAX_TOKEN_LIFESPAN_SECONDS + " seconds, or null for no cap");
        } else if (maxAccessTokenLifespan != null && defaultAccessTokenLifespan != null && defaultAccessTokenLifespan > maxAccessTokenLifespan) {
            problems.add("defaultAccessTokenLifespan must not exceed maxAccessTokenLifespan (" + maxAccessTokenLifespan + " seconds)");
        }
        return problems;
    }

    public void saveTo(RealmModel realm) {
        realm.setAttribute(ATTR_MAX_KEYS, Integer.toString(maxKeysPerMachineUser));
        setOrRemove(realm, ATTR_MAX_LIFETIME, maxKeyLifetimeDays);
        realm.setAttribute(ATTR_WARNING_DAYS, keyExpiryWarningDays.stream().map(String::valueOf).collect(Collectors.joining(",")));
        setOrRemove(realm, ATTR_DEFAULT_LIFESPAN, defaultAccessTokenLifespan);
        if (notificationEmailRequired) {
            realm.setAttribute(ATTR_EMAIL_REQUIRED, "true");
        } else {
            realm.removeAttribute(ATTR_EMAIL_REQUIRED);
        }
        setOrRemove(realm, ATTR_MAX_TOKEN_LIFESPAN, maxAccessTokenLifespan);
        realm.setAttribute(ATTR_MAX_PUBLIC_KEYS, Integer.toString(maxPublicKeysPerMachineUser));
        realm.setAttribute(ATTR_MAX_FEDERATED, Integer.toString(maxFederatedCredentialsPerMachineUser));
    }

    /**
     * The realm's maxAccessTokenLifespan alone, for the token path: one attribute read instead of the whole
     * policy. A hand-edited value out of range counts as no cap, as it does in {@link #of}.
     */
    public static Integer maxAccessTokenLifespanOf(RealmModel realm) {
        Integer seconds = parseInt(realm.getAttribute(ATTR_MAX_TOKEN_LIFESPAN));
        return seconds != null && seconds >= 1 && seconds <= MAX_TOKEN_LIFESPAN_SECONDS ? seconds : null;
    }

    /** The longest lifespan, in seconds, a machine user or one of its tokens may have. */
    public int tokenLifespanCap() {
        return maxAccessTokenLifespan == null ? MAX_TOKEN_LIFESPAN_SECONDS : maxAccessTokenLifespan;
    }

    /** The latest expiry the policy allows for a key created now, or null when uncapped. */
    public Long latestExpiry(long nowMillis) {
        return maxKeyLifetimeDays == null ? null : nowMillis + maxKeyLifetimeDays * 86_400_000L;
    }

    private static void setOrRemove(RealmModel realm, String name, Integer value) {
        if (value == null) {
            realm.removeAttribute(name);
        } else {
            realm.setAttribute(name, value.toString());
        }
    }

    private static Integer parseInt(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(value.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static List<Integer> parseList(String value) {
        if (value.isBlank()) {
            return List.of();
        }
        return Arrays.stream(value.split(",")).map(MachineUserPolicy::parseInt).collect(Collectors.toList());
    }

    private static List<Integer> sortedDescending(List<Integer> days) {
        List<Integer> copy = new ArrayList<>(days);
        copy.sort(Collections.reverseOrder((a, b) -> a == null || b == null ? 0 : Integer.compare(a, b)));
        return Collections.unmodifiableList(copy);
    }
}
