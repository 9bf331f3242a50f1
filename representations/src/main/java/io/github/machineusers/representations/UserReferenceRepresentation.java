package io.github.machineusers.representations;

public class UserReferenceRepresentation {

    public String id;
    public String username;

    public UserReferenceRepresentation() {
    }

    public UserReferenceRepresentation(String id, String username) {
        this.id = id;
        this.username = username;
    }
}
