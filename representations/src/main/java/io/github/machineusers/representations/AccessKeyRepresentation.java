package io.github.machineusers.representations;

import com.fasterxml.jackson.annotation.JsonInclude;

/** An access key; {@code secret} only in the answer that creates the key. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class AccessKeyRepresentation {

    public String id;
    /** ACTIVE, INACTIVE, or EXPIRED once the expiry has passed. */
    public String status;
    public String description;
    public Long createdAt;
    public String createdBy;
    public Long expiresAt;
    public Long lastUsedAt;
    public String secret;
}
