package io.github.machineusers.authorization;

/** What a human user may do with the machine users a partition (and its sub-partitions) owns. */
public enum PartitionRight {
    ADMINISTRATOR,
    VIEWER
}
