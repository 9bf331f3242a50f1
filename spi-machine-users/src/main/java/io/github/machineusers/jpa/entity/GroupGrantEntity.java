package io.github.machineusers.jpa.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A partition that a machine-user group grants its members. */
@Entity
@Table(name = "MU_GROUP_GRANT")
public class GroupGrantEntity {

    @Id
    @Column(name = "ID", length = 36)
    private String id;

    @Column(name = "REALM_ID", length = 36, nullable = false)
    private String realmId;

    @Column(name = "GROUP_ID", length = 36, nullable = false)
    private String groupId;

    /** A partition id; a path where an earlier release's realm file named the partition by path. */
    @Column(name = "PARTITION_REF", length = 255, nullable = false)
    private String partitionRef;

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

    public String getGroupId() {
        return groupId;
    }

    public void setGroupId(String groupId) {
        this.groupId = groupId;
    }

    public String getPartitionRef() {
        return partitionRef;
    }

    public void setPartitionRef(String partitionRef) {
        this.partitionRef = partitionRef;
    }
}
