package io.github.machineusers.model;

/** Who made a change: an administrator, or the server itself (id null). */
public record Actor(String id, String username) {

    public static final Actor SYSTEM = new Actor(null, "system");
}
