package io.github.machineusers.bench;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.util.concurrent.TimeUnit;

import io.github.machineusers.keys.AccessKeySecrets;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * What checking a presented secret costs on the token path ({@link AccessKeySecrets#matches}:
 * SHA-256 and a constant-time compare), next to the RS256 signature every issued token needs,
 * to show which of the two bounds a token request.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class KeyVerificationBenchmark {

    private String secret;
    private String storedHash;
    private String wrongSecret;
    private KeyPair realmKey;
    private byte[] tokenPayload;

    @Setup
    public void setUp() throws GeneralSecurityException {
        secret = AccessKeySecrets.newSecret();
        storedHash = AccessKeySecrets.hash(secret);
        wrongSecret = AccessKeySecrets.newSecret();
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        realmKey = generator.generateKeyPair();
        // About the size of a machine user's access token header and claims.
        tokenPayload = ("eyJhbGciOiJSUzI1NiIsInR5cCIgOiAiSldUIiwia2lkIiA6ICJ4In0." + "x".repeat(900)).getBytes(StandardCharsets.US_ASCII);
    }

    @Benchmark
    public boolean verifyPresentedSecret() {
        return AccessKeySecrets.matches(secret, storedHash);
    }

    @Benchmark
    public boolean rejectWrongSecret() {
        return AccessKeySecrets.matches(wrongSecret, storedHash);
    }

    @Benchmark
    public byte[] signTokenRs256() throws GeneralSecurityException {
        Signature signature = Signature.getInstance("SHA256withRSA");
        signature.initSign(realmKey.getPrivate());
        signature.update(tokenPayload);
        return signature.sign();
    }
}
