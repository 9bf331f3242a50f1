package io.github.machineusers.keys;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.zip.CRC32;

/**
 * Key ids and secrets of access keys.
 *
 * <p>A secret is {@value #SECRET_PREFIX} followed by 43 base62 characters (256 random bits) and a
 * 6-character base62 CRC32 of those characters, so that secret scanners can match the prefix and
 * check the checksum offline without false positives. Secrets are stored as SHA-256: they are
 * uniformly random, so a slow password hash would add latency to every token request without
 * adding protection.
 */
public final class AccessKeySecrets {

    public static final String SECRET_PREFIX = "kcmu_";
    public static final String KEY_ID_PREFIX = "MUAK";
    static final int SECRET_BODY_LENGTH = 43;
    static final int CHECKSUM_LENGTH = 6;
    private static final char[] BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz".toCharArray();
    private static final char[] BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567".toCharArray();
    private static final int KEY_ID_RANDOM_LENGTH = 16;
    private static final SecureRandom RANDOM = new SecureRandom();

    private AccessKeySecrets() {
    }

    public static String newKeyId() {
        return newId(KEY_ID_PREFIX);
    }

    /** A credential id: the kind's prefix and 80 random bits in base32, safe in URLs, JWT headers and logs. */
    static String newId(String prefix) {
        StringBuilder id = new StringBuilder(prefix);
        for (int i = 0; i < KEY_ID_RANDOM_LENGTH; i++) {
            id.append(BASE32[RANDOM.nextInt(BASE32.length)]);
        }
        return id.toString();
    }

    public static boolean looksLikeKeyId(String value) {
        return looksLikeId(value, KEY_ID_PREFIX);
    }

    static boolean looksLikeId(String value, String prefix) {
        if (value == null || value.length() != prefix.length() + KEY_ID_RANDOM_LENGTH || !value.startsWith(prefix)) {
            return false;
        }
        for (int i = prefix.length(); i < value.length(); i++) {
            char c = value.charAt(i);
            if (!((c >= 'A' && c <= 'Z') || (c >= '2' && c <= '7'))) {
                return false;
            }
        }
        return true;
    }

    public static String newSecret() {
        // 43 base62 digits carry 43 * log2(62) = 256.04 bits; each digit is drawn uniformly.
        StringBuilder body = new StringBuilder(SECRET_BODY_LENGTH);
        for (int i = 0; i < SECRET_BODY_LENGTH; i++) {
            body.append(BASE62[RANDOM.nextInt(BASE62.length)]);
        }
        return SECRET_PREFIX + body + checksum(body);
    }

    public static String hash(String secret) {
        return Base64.getEncoder().withoutPadding().encodeToString(sha256(secret));
    }

    /** Compares in constant time: the work does not depend on where the two hashes differ. */
    public static boolean matches(String presentedSecret, String storedHash) {
        if (presentedSecret == null || storedHash == null) {
            return false;
        }
        return MessageDigest.isEqual(hash(presentedSecret).getBytes(StandardCharsets.US_ASCII),
                storedHash.getBytes(StandardCharsets.US_ASCII));
    }

    private static byte[] sha256(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }

    private static String checksum(CharSequence body) {
        CRC32 crc = new CRC32();
        crc.update(body.toString().getBytes(StandardCharsets.US_ASCII));
        long value = crc.getValue();
        char[] digits = new char[CHECKSUM_LENGTH];
        for (int i = CHECKSUM_LENGTH - 1; i >= 0; i--) {
            digits[i] = BASE62[(int) (value % 62)];
            value /= 62;
        }
        return new String(digits);
    }
}
