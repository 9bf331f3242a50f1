package io.github.machineusers.jpa.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** Directory row of a machine user; its id is the id of the Keycloak client. */
@Entity
@Table(name = "MU_MACHINE_USER")
public class MachineUserEntity {

    @Id
    @Column(name = "ID", length = 36)
    private String id;

    @Column(name = "REALM_ID", length = 36, nullable = false)
    private String realmId;

    @Column(name = "CREATED_AT", nullable = false)
    private long createdAt;

    @Column(name = "CREATED_BY")
    private String createdBy;

    @Column(name = "PARTITION_ID", length = 36)
    private String partitionId;

    /** The client's name and client id, lower-cased, so that a search reads the directory alone. */
    @Column(name = "SEARCH_NAME")
    private String searchName;

    @Column(name = "SEARCH_CLIENT_ID")
    private String searchClientId;

    /**
     * The ban as the machine-users API last set it. The client's enabled flag and not-before time are
     * Keycloak's enforcement of it; these copies are where the stock clients API cannot write, so a
     * stock change that would undo the ban can be told from one that leaves it alone.
     */
    @Column(name = "SUSPENDED", nullable = false)
    private boolean suspended;

    @Column(name = "NOT_BEFORE", nullable = false)
    private int notBefore;

    public boolean isSuspended() {
        return suspended;
    }

    public void setSuspended(boolean suspended) {
        this.suspended = suspended;
    }

    public int getNotBefore() {
        return notBefore;
    }

    public void setNotBefore(int notBefore) {
        this.notBefore = notBefore;
    }

    public String getPartitionId() {
        return partitionId;
    }

    public void setPartitionId(String partitionId) {
        this.partitionId = partitionId;
    }

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    public String getRealmId() {
        return realmId;
    }

    public void setRealmId(String realmId) {
        this.realmId = realmId;
    }

    public long getCreatedAt() {
        return createdAt;
    }

    public void setCreatedAt(long createdAt) {
        this.createdAt = createdAt;
    }

    public String getCreatedBy() {
        return createdBy;
    }

    public void setCreatedBy(String createdBy) {
        this.createdBy = createdBy;
    }

    public String getSearchName() {
        return searchName;
    }

    public void setSearchName(String searchName) {
        this.searchName = searchName;
    }

    public String getSearchClientId() {
        return searchClientId;
    }

    public void setSearchClientId(String searchClientId) {
        this.searchClientId = searchClientId;
    }
}
