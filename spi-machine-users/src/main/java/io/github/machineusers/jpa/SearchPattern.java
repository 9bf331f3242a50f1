package io.github.machineusers.jpa;

/**
 * A search term read the way Keycloak's own user search reads one: a prefix of the name or
 * client id by default, {@code *} for any run of characters (so {@code *pump} finds "Renamed
 * pump"), and a term in double quotes for the whole value. A prefix is what an index can answer;
 * a term that starts with {@code *} reads every machine user of the realm.
 *
 * @param value the lower-cased value to compare, or a LIKE pattern with {@code !} as its escape
 * @param exact whether {@code value} is compared with {@code =} rather than {@code LIKE}
 */
record SearchPattern(String value, boolean exact) {

    static final char ESCAPE = '!';

    static SearchPattern of(String term) {
        if (term.length() >= 2 && term.startsWith("\"") && term.endsWith("\"")) {
            return new SearchPattern(SearchText.of(term.substring(1, term.length() - 1)), true);
        }
        String text = SearchText.of(term);
        String pattern = escapeLike(text).replace('*', '%');
        return new SearchPattern(text.endsWith("*") ? pattern : pattern + "%", false);
    }

    /** The database's own wildcards match only themselves. */
    static String escapeLike(String value) {
        return value.replace("!", "!!").replace("%", "!%").replace("_", "!_");
    }
}
