package io.github.machineusers.text;

/**
 * What the admin APIs of the bundle accept as a name or description: no control characters and
 * no unpaired surrogates. Both kinds reach the database badly (PostgreSQL refuses NUL; a lone
 * surrogate is not UTF-8), and they would travel into exports, logs and mails.
 */
public final class TextRules {

    private TextRules() {
    }

    /**
     * Whether an id, name or path from a request may be looked up at all. Text that no stored
     * name can equal (control characters, broken Unicode, beyond {@code maxLength}) is "not
     * found" without a query, as PostgreSQL answers a NUL with an error rather than no rows.
     */
    public static boolean lookupable(String text, int maxLength) {
        return text != null && !text.isBlank() && text.length() <= maxLength && problem(text) == null;
    }

    /** Why the text is refused ("contains control characters", ...), or null when it is acceptable. */
    public static String problem(String text) {
        if (text.chars().anyMatch(Character::isISOControl)) {
            return "contains control characters";
        }
        if (text.codePoints().anyMatch(cp -> cp >= Character.MIN_SURROGATE && cp <= Character.MAX_SURROGATE)) {
            return "is not valid Unicode text";
        }
        return null;
    }
}
