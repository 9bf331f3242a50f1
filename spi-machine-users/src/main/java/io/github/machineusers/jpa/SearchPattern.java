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

    private static final char ESCAPE = '!';

    static SearchPattern of(String term) {
        if (term.length() >= 2 && term.startsWith("\"") && term.endsWith("\"")) {
            return new SearchPattern(SearchText.of(term.substring(1, term.length() - 1)), true);
        }
        String text = SearchText.of(term);
        String pattern = escapeLike(text).replace('*', '%');
        return new SearchPattern(text.endsWith("*") ? pattern : pattern + "%", false);
    }

    /** The condition on the search columns of machine user {@code m}, with {@link #value()} bound as {@code :search}. */
    String jpqlCondition() {
        return exact
                ? "(m.searchClientId = :search or m.searchName = :search)"
                : "(m.searchClientId like :search escape '" + ESCAPE + "' or m.searchName like :search escape '" + ESCAPE + "')";
    }

    /** The database's own wildcards match only themselves. */
    static String escapeLike(String value) {
        return value.replace("!", "!!").replace("%", "!%").replace("_", "!_");
    }
}
