package io.github.machineusers.jpa;

import java.util.Locale;

/**
 * The form in which the directory stores a name or client id and in which a search term is
 * compared with it: lower-cased the same way on both sides, whatever the database's collation,
 * and cut to the column's length.
 */
final class SearchText {

    static final int MAX_LENGTH = 255;

    private SearchText() {
    }

    static String of(String text) {
        if (text == null) {
            return null;
        }
        String lower = text.toLowerCase(Locale.ROOT);
        if (lower.length() <= MAX_LENGTH) {
            return lower;
        }
        // Lower-casing can lengthen a few characters; never cut a surrogate pair in two.
        int end = Character.isHighSurrogate(lower.charAt(MAX_LENGTH - 1)) ? MAX_LENGTH - 1 : MAX_LENGTH;
        return lower.substring(0, end);
    }
}
