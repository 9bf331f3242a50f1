package io.github.machineusers.keys;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

class AccessKeySecretsTest {

    @Test
    void secretHasPrefixBodyAndChecksum() {
        String secret = AccessKeySecrets.newSecret();
        assertThat(secret).startsWith("kcmu_").hasSize(5 + 43 + 6).matches("kcmu_[0-9A-Za-z]{49}");
        assertThat(AccessKeySecrets.looksLikeSecret(secret)).isTrue();
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
        assertThat(AccessKeySecrets.looksLikeSecret(typo)).isFalse();
        assertThat(AccessKeySecrets.looksLikeSecret("kcmu_short")).isFalse();
        assertThat(AccessKeySecrets.looksLikeSecret(null)).isFalse();
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
}
