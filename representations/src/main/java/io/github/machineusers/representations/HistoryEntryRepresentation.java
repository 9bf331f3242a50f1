package io.github.machineusers.representations;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;

@JsonInclude(JsonInclude.Include.NON_NULL)
public class HistoryEntryRepresentation {

    public String id;
    public String machineUserId;
    public long time;
    public String actorId;
    public String actorUsername;
    public String action;
    public JsonNode details;
}
