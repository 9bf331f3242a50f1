package io.github.machineusers.authenticator;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.Set;

import jakarta.ws.rs.core.Response;
import org.keycloak.authentication.AuthenticationFlowError;
import org.keycloak.authentication.ClientAuthenticationFlowContext;
import org.keycloak.broker.provider.ClientAssertionIdentityProvider;
import org.keycloak.representations.idm.OAuth2ErrorRepresentation;

/**
 * An external token checked by the identity provider's own {@code verifyClientAssertion}: issuer, audience,
 * expiry, maximum lifetime, replay as the provider is configured, and the signature from the provider's keys
 * (Keycloak's discovery and key cache). The provider answers a refusal itself; here it answers into a context
 * that keeps the reason for the event instead, and the authenticator answers as for every failure, 401
 * invalid_client.
 */
final class FederatedAssertion {

    /** The context's methods by which a verifier decides the flow; everything else reaches the real context. */
    private static final Set<String> DECISIONS = Set.of("success", "failure", "challenge", "forceChallenge", "failureChallenge",
            "attempted");

    private FederatedAssertion() {
    }

    /** Null when the provider accepts the assertion; else why not, for the event. */
    static String refusalOf(ClientAuthenticationFlowContext context, ClientAssertionIdentityProvider<?> verifier) {
        String[] refusal = new String[1];
        InvocationHandler handler = (proxy, method, args) -> {
            if (DECISIONS.contains(method.getName())) {
                if (method.getName().startsWith("failure") && refusal[0] == null) {
                    refusal[0] = reasonOf(args);
                }
                return null;
            }
            try {
                return method.invoke(context, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        };
        ClientAuthenticationFlowContext recording = (ClientAuthenticationFlowContext) Proxy.newProxyInstance(
                FederatedAssertion.class.getClassLoader(), new Class<?>[]{ClientAuthenticationFlowContext.class}, handler);
        try {
            if (verifier.verifyClientAssertion(recording)) {
                return null;
            }
        } catch (Exception e) {
            return "assertion_invalid: " + e.getMessage();
        }
        return refusal[0] == null ? "assertion_invalid" : refusal[0];
    }

    private static String reasonOf(Object[] args) {
        for (Object arg : args) {
            if (arg instanceof Response response && response.getEntity() instanceof OAuth2ErrorRepresentation error
                    && error.getErrorDescription() != null) {
                return error.getErrorDescription();
            }
        }
        return args[0] instanceof AuthenticationFlowError error ? error.name().toLowerCase() : "assertion_invalid";
    }
}
