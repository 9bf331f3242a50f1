package io.github.machineusers.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.github.machineusers.it.support.AdminApi;
import io.github.machineusers.it.support.MachineUsersApi;
import io.github.machineusers.it.support.RealmFixture;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 21: a partition administrator whose subtree holds more partitions than one statement binds as
 * parameters (the bundle binds at most 1,000) lists, counts and pages their machine users exactly, and
 * a realm-wide filter by such a subtree does too.
 */
class LargePartitionTreeIT {

    private static final int PARTITIONS = 1_100;

    private static RealmFixture fixture;
    private static String realm;
    private static final List<String> inTree = new ArrayList<>();
    private static String outside;

    @BeforeAll
    static void bigTree() {
        fixture = RealmFixture.create("big-tree");
        realm = fixture.realm();
        String top = fixture.createPartition("Fleet", null);
        List<String> leaves = new ArrayList<>();
        for (int i = 0; i < PARTITIONS; i++) {
            leaves.add(fixture.createPartition("Vehicle " + i, top));
        }
        // Machine users at the top, deep in the tree, at its far end, and one outside it.
        MachineUsersApi api = fixture.machineUsers();
        for (String owner : List.of(top, leaves.get(0), leaves.get(PARTITIONS / 2), leaves.get(PARTITIONS - 1))) {
            inTree.add(api.create(Map.of("name", "In tree", "partition", owner, "generateKey", false)).expectStatus(201).json().path("id").asText());
        }
        outside = api.create(Map.of("name", "Outside", "generateKey", false)).expectStatus(201).json().path("id").asText();
        String lead = fixture.admin().createUser(realm, "fleet-lead", "fleet-lead-pass-1");
        fixture.admin().put("/" + realm + "/partitions/" + top + "/administrators/" + lead, Map.of()).expectStatus(204);
    }

    @Test
    void theAdministratorOfAHugeSubtreeListsCountsAndPagesExactlyItsMachineUsers() {
        MachineUsersApi lead = new MachineUsersApi(AdminApi.as(realm, "fleet-lead", "fleet-lead-pass-1"), realm);

        List<String> listed = lead.list("max=100").expectStatus(200).json().findValuesAsText("id");
        assertThat(listed).containsExactlyInAnyOrderElementsOf(inTree).doesNotContain(outside);
        assertThat(lead.count("").expectStatus(200).json().asLong()).isEqualTo(inTree.size());

        List<String> paged = new ArrayList<>();
        paged.addAll(lead.list("first=0&max=3").json().findValuesAsText("id"));
        paged.addAll(lead.list("first=3&max=3").json().findValuesAsText("id"));
        assertThat(paged).containsExactlyElementsOf(listed);
    }

    @Test
    void aRealmWideFilterByTheSubtreeIsExactToo() {
        MachineUsersApi admin = fixture.machineUsers();
        List<String> listed = admin.list("partition=/Fleet&includeSubPartitions=true&max=100").expectStatus(200).json().findValuesAsText("id");
        assertThat(listed).containsExactlyInAnyOrderElementsOf(inTree);
        assertThat(admin.count("partition=/Fleet&includeSubPartitions=true").json().asLong()).isEqualTo(inTree.size());
        // A partition whose subtree owns machine users is not deleted, however large the subtree.
        String fleet = fixture.admin().get("/" + realm + "/partitions?search=Fleet").json().get(0).path("id").asText();
        assertThat(fixture.admin().delete("/" + realm + "/partitions/" + fleet).status()).isEqualTo(409);
    }
}
