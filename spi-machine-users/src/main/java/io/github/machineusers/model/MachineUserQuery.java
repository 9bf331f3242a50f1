package io.github.machineusers.model;

import java.util.Set;

/**
 * Filters of a machine-user listing; null means "any".
 *
 * @param search a case-insensitive prefix of the name or client id; {@code *} matches any text, and a term in
 *               double quotes the whole name or client id
 * @param suspended true for suspended machine users only, false for active ones only
 * @param partitionIds owner partitions to include, or null for any owner (the realm root included)
 */
public record MachineUserQuery(String search, Boolean suspended, Set<String> partitionIds) {

    public static final MachineUserQuery ALL = new MachineUserQuery(null, null, null);

    /** True when the query cannot match anything, so no database round trip is needed. */
    public boolean matchesNothing() {
        return partitionIds != null && partitionIds.isEmpty();
    }
}
