package io.github.machineusers.validation;

import java.util.regex.Pattern;

import io.github.machineusers.keys.AccessKeySecrets;
import io.github.machineusers.model.MachineUserPolicy;
import io.github.machineusers.text.TextRules;
import jakarta.ws.rs.core.Response;
import org.keycloak.services.ErrorResponse;
import org.keycloak.services.ErrorResponseException;

/** Input rules of the admin API; each failure is a 400 that names the field. */
public final class Validation {

    public static final int MAX_NAME = 255;
    public static final int MAX_DESCRIPTION = 255;
    public static final int MAX_REASON = 255;
    public static final int MAX_EMAIL = 254;
    private static final Pattern CLIENT_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:@-]{0,254}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s\"<>()\\[\\],;:\\\\]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+");

    private Validation() {
    }

    public static ErrorResponseException badRequest(String message) {
        return ErrorResponse.error(message, Response.Status.BAD_REQUEST);
    }

    public static String requiredText(String field, String value, int maxLength) {
        if (value == null || value.isBlank()) {
            throw badRequest("Field '" + field + "' is required");
        }
        return optionalText(field, value, maxLength);
    }

    public static String optionalText(String field, String value, int maxLength) {
        if (value == null) {
            return null;
        }
        String trimmed = value.strip();
        if (trimmed.length() > maxLength) {
            throw badRequest("Field '" + field + "' is longer than " + maxLength + " characters");
        }
        String problem = TextRules.problem(trimmed);
        if (problem != null) {
            throw badRequest("Field '" + field + "' " + problem);
        }
        return trimmed.isEmpty() ? null : trimmed;
    }

    public static String clientId(String value) {
        if (value == null) {
            return null;
        }
        if (!CLIENT_ID.matcher(value).matches()) {
            throw badRequest("Field 'clientId' must be 1 to 255 letters, digits or . _ : @ - and start with a letter or digit");
        }
        if (AccessKeySecrets.looksLikeKeyId(value)) {
            throw badRequest("Field 'clientId' must not look like an access key id");
        }
        return value;
    }

    public static String email(String value) {
        String email = optionalText("notificationEmail", value, MAX_EMAIL);
        if (email != null && !EMAIL.matcher(email).matches()) {
            throw badRequest("Field 'notificationEmail' is not an e-mail address");
        }
        return email;
    }

    /** Within 1 second and the policy's cap (maxAccessTokenLifespan, else a year). */
    public static Integer tokenLifespan(Integer seconds, MachineUserPolicy policy) {
        int cap = policy.tokenLifespanCap();
        if (seconds != null && (seconds < 1 || seconds > cap)) {
            throw badRequest("Field 'accessTokenLifespan' must be between 1 and " + cap + " seconds"
                    + (policy.maxAccessTokenLifespan() == null ? "" : " (the realm policy's maxAccessTokenLifespan)"));
        }
        return seconds;
    }

    /** An expiry must lie in the future and within the policy's cap; without one, the cap applies. */
    public static Long keyExpiry(String field, Long expiresAt, MachineUserPolicy policy, long nowMillis) {
        Long latest = policy.latestExpiry(nowMillis);
        if (expiresAt == null) {
            return latest;
        }
        if (expiresAt <= nowMillis) {
            throw badRequest("Field '" + field + "' must be in the future (epoch milliseconds)");
        }
        if (latest != null && expiresAt > latest) {
            throw badRequest("Field '" + field + "' is beyond the realm's maximum key lifetime of "
                    + policy.maxKeyLifetimeDays() + " days");
        }
        return expiresAt;
    }
}
