package io.github.machineusers.manage;

import java.security.SecureRandom;
import java.text.Normalizer;
import java.util.Locale;

/** Client ids generated for machine users: a readable part from the name and a random suffix. */
final class ClientIds {

    private static final char[] SUFFIX_CHARS = "abcdefghijkmnopqrstuvwxyz23456789".toCharArray();
    private static final int SUFFIX_LENGTH = 8;
    private static final int MAX_SLUG = 40;
    private static final SecureRandom RANDOM = new SecureRandom();

    private ClientIds() {
    }

    static String fromName(String name) {
        String ascii = Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        String slug = ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        if (slug.length() > MAX_SLUG) {
            slug = slug.substring(0, MAX_SLUG).replaceAll("-+$", "");
        }
        StringBuilder id = new StringBuilder(slug.isEmpty() ? "machine-user" : slug).append('-');
        for (int i = 0; i < SUFFIX_LENGTH; i++) {
            id.append(SUFFIX_CHARS[RANDOM.nextInt(SUFFIX_CHARS.length)]);
        }
        return id.toString();
    }
}
