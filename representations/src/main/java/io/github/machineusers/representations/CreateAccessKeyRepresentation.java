package io.github.machineusers.representations;

/** Body of a key create or replace; both fields optional. */
public class CreateAccessKeyRepresentation {

    public String description;
    public Long expiresAt;
}
