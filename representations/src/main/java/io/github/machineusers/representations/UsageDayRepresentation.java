package io.github.machineusers.representations;

/** Counts of one UTC day, {@code date} as ISO yyyy-MM-dd. */
public class UsageDayRepresentation {

    public String date;
    public long tokensIssued;
    public long failedAttempts;

    public UsageDayRepresentation() {
    }

    public UsageDayRepresentation(String date, long tokensIssued, long failedAttempts) {
        this.date = date;
        this.tokensIssued = tokensIssued;
        this.failedAttempts = failedAttempts;
    }
}
