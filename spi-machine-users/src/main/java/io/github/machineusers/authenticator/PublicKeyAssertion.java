package io.github.machineusers.authenticator;

import java.nio.charset.StandardCharsets;

import jakarta.ws.rs.core.Response;
import org.keycloak.authentication.AuthenticationFlowError;
import org.keycloak.authentication.ClientAuthenticationFlowContext;
import org.keycloak.authentication.authenticators.client.AbstractJWTClientValidator;
import org.keycloak.authentication.authenticators.client.JWTClientValidator;
import org.keycloak.common.VerificationException;
import org.keycloak.crypto.SignatureProvider;
import org.keycloak.jose.jws.JWSInput;

/**
 * A private_key_jwt assertion (RFC 7523) checked by Keycloak's own client-assertion validator: type,
 * {@code iss} and {@code sub} = the client id, {@code client_id} consistency, audience, expiry and maximum
 * lifetime, and single use of {@code jti}. Only the signature is checked here, with the machine user's
 * public key the header's {@code kid} names. A refusal is not answered by the validator: it keeps the
 * reason for the event, and the authenticator answers as for every failure, 401 invalid_client.
 */
final class PublicKeyAssertion extends JWTClientValidator {

    private String refusal;

    private PublicKeyAssertion(ClientAuthenticationFlowContext context, SignatureValidator signature, String authenticatorId)
            throws Exception {
        super(context, signature, authenticatorId);
    }

    /** Null when the assertion holds; else why not, for the event's reason. */
    static String refusalOf(ClientAuthenticationFlowContext context, PublicKeyCredential key, String authenticatorId) {
        try {
            PublicKeyAssertion assertion = new PublicKeyAssertion(context, validator -> signedWith(validator, key), authenticatorId);
            return assertion.validate() ? null : assertion.refusal == null ? "assertion_invalid" : assertion.refusal;
        } catch (Exception e) {
            return "assertion_invalid";
        }
    }

    private static boolean signedWith(AbstractJWTClientValidator validator, PublicKeyCredential key) {
        JWSInput jws = validator.getJws();
        // The key decides the algorithm, never the header: no algorithm confusion, no 'none'.
        if (!key.algorithm().equals(jws.getHeader().getRawAlgorithm())) {
            return false;
        }
        SignatureProvider provider = validator.getContext().getSession().getProvider(SignatureProvider.class, key.algorithm());
        if (provider == null) {
            return false;
        }
        try {
            return provider.verifier(key.key()).verify(jws.getEncodedSignatureInput().getBytes(StandardCharsets.UTF_8), jws.getSignature());
        } catch (VerificationException | RuntimeException e) {
            return false;
        }
    }

    @Override
    public boolean failure(String description) {
        return refuse(description);
    }

    @Override
    public boolean failure(String description, int status) {
        return refuse(description);
    }

    @Override
    public boolean failure(String error, String description, int status) {
        return refuse(description);
    }

    @Override
    protected boolean failure(AuthenticationFlowError error) {
        return refuse(error.name().toLowerCase());
    }

    @Override
    protected boolean failure(AuthenticationFlowError error, Response response) {
        return refuse(error.name().toLowerCase());
    }

    private boolean refuse(String reason) {
        if (refusal == null) {
            refusal = reason;
        }
        return false;
    }
}
