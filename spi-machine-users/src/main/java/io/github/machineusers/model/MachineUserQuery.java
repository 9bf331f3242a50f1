package io.github.machineusers.model;

/**
 * Filters of a machine-user listing; null means "any".
 *
 * @param search case-insensitive part of the name or client id
 * @param suspended true for suspended machine users only, false for active ones only
 */
public record MachineUserQuery(String search, Boolean suspended) {

    public static final MachineUserQuery ALL = new MachineUserQuery(null, null);
}
