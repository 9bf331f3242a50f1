package io.github.machineusers.manage;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.machineusers.validation.Validation;
import org.junit.jupiter.api.Test;

class ClientIdsTest {

    @Test
    void readablePartComesFromTheName() {
        assertThat(ClientIds.fromName("Billing Export (EU)")).matches("billing-export-eu-[a-z2-9]{8}");
        assertThat(ClientIds.fromName("Grüße Straße")).matches("gru-e-stra-e-[a-z2-9]{8}");
    }

    @Test
    void namesWithoutLettersStillGiveAValidId() {
        assertThat(ClientIds.fromName("!!!")).matches("machine-user-[a-z2-9]{8}");
        assertThat(ClientIds.fromName("x".repeat(300))).hasSizeLessThanOrEqualTo(49);
    }

    @Test
    void generatedIdsPassTheClientIdRule() {
        assertThat(Validation.clientId(ClientIds.fromName("Über partner ⚙ sync"))).isNotNull();
    }
}
