package io.github.machineusers.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.machineusers.patch.Change;
import org.junit.jupiter.api.Test;
import org.keycloak.services.ErrorResponseException;

class PatchBodyTest {

    public static class Thing {
        public String name;
        public String description;
        public Integer size;
    }

    @Test
    void aFieldLeftOutIsKeptAndAFieldSentAsNullIsCleared() {
        PatchBody<Thing> patch = PatchBody.read("{\"description\": null, \"size\": 3}", Thing.class);

        assertThat(patch.change("name", t -> t.name)).isEqualTo(Change.keep());
        assertThat(patch.change("description", t -> t.description)).isEqualTo(Change.to(null));
        assertThat(patch.change("size", t -> t.size)).isEqualTo(Change.to(3));
    }

    @Test
    void aKeptChangeLeavesTheCurrentValueAndASetOneReplacesIt() {
        assertThat(Change.<String>keep().orElse("current")).isEqualTo("current");
        assertThat(Change.to("new").orElse("current")).isEqualTo("new");
        assertThat(Change.<String>to(null).orElse("current")).isNull();
    }

    @Test
    void mappingConvertsOnlyWhatIsSet() {
        assertThat(Change.to("7").map(Integer::valueOf)).isEqualTo(Change.to(7));
        assertThat(Change.<String>keep().map(text -> {
            throw new AssertionError("a kept field is not converted");
        })).isEqualTo(Change.keep());
    }

    @Test
    void aFieldWithoutAClearedStateRefusesNull() {
        PatchBody<Thing> patch = PatchBody.read("{\"size\": null}", Thing.class);

        assertThatThrownBy(() -> patch.nonNullChange("size", t -> t.size))
                .isInstanceOf(ErrorResponseException.class)
                .satisfies(e -> assertThat(JsonBodiesTest.message((ErrorResponseException) e)).isEqualTo("Field 'size' must not be null"));
        assertThat(patch.nonNullChange("name", t -> t.name)).isEqualTo(Change.keep());
    }

    @Test
    void typesAreExactAndTheMessageSaysWhatWasExpected() {
        assertThat(refusal("{\"name\": 42}")).isEqualTo("Field 'name' must be a string");
        assertThat(refusal("{\"size\": \"3\"}")).isEqualTo("Field 'size' must be a whole number");
        assertThat(refusal("{\"size\": 1.5}")).isEqualTo("Field 'size' must be a whole number");
        assertThat(refusal("[]")).isEqualTo("A JSON object is required");
    }

    private static String refusal(String body) {
        try {
            PatchBody.read(body, Thing.class);
        } catch (ErrorResponseException e) {
            return JsonBodiesTest.message(e);
        }
        throw new AssertionError("accepted: " + body);
    }
}
