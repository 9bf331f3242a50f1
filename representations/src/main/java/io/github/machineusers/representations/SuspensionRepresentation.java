package io.github.machineusers.representations;

public class SuspensionRepresentation {

    public String reason;
}
