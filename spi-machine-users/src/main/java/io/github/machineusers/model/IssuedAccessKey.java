package io.github.machineusers.model;

/** A key just made, with the only copy of its secret that will ever exist outside the caller. */
public record IssuedAccessKey(AccessKeyModel key, String secret) {
}
