package io.github.machineusers.keys;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.spi.ToolProvider;
import java.util.zip.CRC32;

import org.junit.jupiter.api.Test;

class AccessKeySecretsTest {

    @Test
    void secretHasPrefixBodyAndChecksum() {
        String secret = AccessKeySecrets.newSecret();
        assertThat(secret).startsWith("kcmu_").hasSize(5 + 43 + 6).matches("kcmu_[0-9A-Za-z]{49}");
        assertThat(hasValidChecksum(secret)).isTrue();
    }

    @Test
    void secretCarriesAtLeast256BitsOfRandomness() {
        double bits = AccessKeySecrets.SECRET_BODY_LENGTH * (Math.log(62) / Math.log(2));
        assertThat(bits).isGreaterThanOrEqualTo(256.0);
    }

    @Test
    void checksumCatchesATypo() {
        String secret = AccessKeySecrets.newSecret();
        char last = secret.charAt(10);
        String typo = secret.substring(0, 10) + (last == 'a' ? 'b' : 'a') + secret.substring(11);
        assertThat(hasValidChecksum(typo)).isFalse();
    }

    /**
     * The check a secret scanner makes, written from the documented format rather than from the code:
     * the last 6 characters are the CRC32 of the 43-character body, as base62 digits.
     */
    private static boolean hasValidChecksum(String secret) {
        String body = secret.substring(5, 48);
        CRC32 crc = new CRC32();
        crc.update(body.getBytes(StandardCharsets.US_ASCII));
        String digits = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
        StringBuilder checksum = new StringBuilder();
        long value = crc.getValue();
        for (int i = 0; i < 6; i++) {
            checksum.insert(0, digits.charAt((int) (value % 62)));
            value /= 62;
        }
        return secret.substring(48).contentEquals(checksum);
    }

    @Test
    void secretsAndKeyIdsDoNotRepeat() {
        Set<String> secrets = new HashSet<>();
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            secrets.add(AccessKeySecrets.newSecret());
            ids.add(AccessKeySecrets.newKeyId());
        }
        assertThat(secrets).hasSize(10_000);
        assertThat(ids).hasSize(10_000);
    }

    @Test
    void keyIdsAreRecognised() {
        String id = AccessKeySecrets.newKeyId();
        assertThat(id).matches("MUAK[A-Z2-7]{16}");
        assertThat(AccessKeySecrets.looksLikeKeyId(id)).isTrue();
        assertThat(AccessKeySecrets.looksLikeKeyId("MUAK" + "a".repeat(16))).isFalse();
        assertThat(AccessKeySecrets.looksLikeKeyId("my-client")).isFalse();
        assertThat(AccessKeySecrets.looksLikeKeyId(null)).isFalse();
    }

    @Test
    void hashMatchesOnlyTheSameSecretAndDoesNotContainIt() {
        String secret = AccessKeySecrets.newSecret();
        String hash = AccessKeySecrets.hash(secret);
        assertThat(hash).doesNotContain(secret.substring(5, 20)).hasSize(43);
        assertThat(AccessKeySecrets.matches(secret, hash)).isTrue();
        assertThat(AccessKeySecrets.matches(AccessKeySecrets.newSecret(), hash)).isFalse();
        assertThat(AccessKeySecrets.matches(secret + "x", hash)).isFalse();
        assertThat(AccessKeySecrets.matches(null, hash)).isFalse();
        assertThat(AccessKeySecrets.matches(secret, null)).isFalse();
    }

    /**
     * Timing cannot be measured reliably in a unit test, so this reads the compiled comparison
     * instead: it must end in the JDK's constant-time {@code MessageDigest.isEqual}, and nothing
     * in it may compare with an early exit.
     */
    @Test
    void secretsCompareWithTheJdksConstantTimeEquals() throws Exception {
        Path classFile = Path.of(AccessKeySecrets.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                .resolve(AccessKeySecrets.class.getName().replace('.', '/') + ".class");
        StringWriter out = new StringWriter();
        int exit = ToolProvider.findFirst("javap").orElseThrow()
                .run(new PrintWriter(out), new PrintWriter(out), "-c", "-p", classFile.toString());
        assertThat(exit).as(out.toString()).isZero();
        String listing = out.toString();
        int start = listing.indexOf("public static boolean matches(");
        assertThat(start).as("matches(String, String) is compiled").isNotNegative();
        String body = listing.substring(start, listing.indexOf("\n\n", start));
        assertThat(body).contains("java/security/MessageDigest.isEqual:([B[B)Z")
                .doesNotContain("java/lang/String.equals", "java/util/Arrays.equals", "contentEquals", "compareTo");
    }

    @Test
    void matchesOnlyTheSecretItWasHashedFrom() {
        String secret = AccessKeySecrets.newSecret();
        String stored = AccessKeySecrets.hash(secret);
        assertThat(AccessKeySecrets.matches(secret, stored)).isTrue();
        assertThat(AccessKeySecrets.matches(AccessKeySecrets.newSecret(), stored)).isFalse();
        assertThat(AccessKeySecrets.matches(null, stored)).isFalse();
        assertThat(AccessKeySecrets.matches(secret, null)).isFalse();
    }
}
