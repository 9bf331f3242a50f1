package io.github.machineusers.jpa.entity;

import java.io.Serializable;
import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

/** Counts of one machine user on one UTC day. */
@Entity
@Table(name = "MU_USAGE")
@IdClass(UsageEntity.Key.class)
public class UsageEntity {

    @Id
    @Column(name = "MACHINE_USER_ID", length = 36)
    private String machineUserId;

    @Id
    @Column(name = "EPOCH_DAY")
    private long epochDay;

    @Column(name = "REALM_ID", length = 36, nullable = false)
    private String realmId;

    @Column(name = "TOKENS_ISSUED", nullable = false)
    private long tokensIssued;

    @Column(name = "FAILED_ATTEMPTS", nullable = false)
    private long failedAttempts;

    public String getMachineUserId() {
        return machineUserId;
    }

    public void setMachineUserId(String machineUserId) {
        this.machineUserId = machineUserId;
    }

    public long getEpochDay() {
        return epochDay;
    }

    public void setEpochDay(long epochDay) {
        this.epochDay = epochDay;
    }

    public String getRealmId() {
        return realmId;
    }

    public void setRealmId(String realmId) {
        this.realmId = realmId;
    }

    public long getTokensIssued() {
        return tokensIssued;
    }

    public void setTokensIssued(long tokensIssued) {
        this.tokensIssued = tokensIssued;
    }

    public long getFailedAttempts() {
        return failedAttempts;
    }

    public void setFailedAttempts(long failedAttempts) {
        this.failedAttempts = failedAttempts;
    }

    public static class Key implements Serializable {

        private String machineUserId;
        private long epochDay;

        public Key() {
        }

        public Key(String machineUserId, long epochDay) {
            this.machineUserId = machineUserId;
            this.epochDay = epochDay;
        }

        public String getMachineUserId() {
            return machineUserId;
        }

        public long getEpochDay() {
            return epochDay;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key other && epochDay == other.epochDay && Objects.equals(machineUserId, other.machineUserId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(machineUserId, epochDay);
        }
    }
}
