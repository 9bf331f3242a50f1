package io.github.machineusers.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.keycloak.representations.idm.ErrorRepresentation;
import org.keycloak.services.ErrorResponseException;

class JsonBodiesTest {

    public static class Body {
        public String name;
        public Integer count;
        public Boolean flag;
        public List<String> names;
    }

    @Test
    void readsExactTypes() {
        Body body = JsonBodies.read("{\"name\":\"a\",\"count\":3,\"flag\":true,\"names\":[\"x\"],\"unknown\":1}", Body.class);
        assertThat(body.name).isEqualTo("a");
        assertThat(body.count).isEqualTo(3);
        assertThat(body.flag).isTrue();
        assertThat(body.names).containsExactly("x");
    }

    @Test
    void aNumberOrABooleanIsNoName() {
        assertBadRequest("{\"name\":42}");
        assertBadRequest("{\"name\":1.5}");
        assertBadRequest("{\"name\":true}");
        assertBadRequest("{\"names\":[7]}");
    }

    @Test
    void aStringIsNoNumberOrBoolean() {
        assertBadRequest("{\"count\":\"3\"}");
        assertBadRequest("{\"count\":\"\"}");
        assertBadRequest("{\"flag\":\"true\"}");
    }

    @Test
    void listsMayBeNullButHoldNoNull() {
        assertThat(JsonBodies.read("{\"names\":null}", Body.class).names).isNull();
        assertBadRequest("{\"names\":[null]}");
        assertBadRequest("{\"names\":[\"a\",null]}");
    }

    @Test
    void theMessageNamesTheFieldAndWhatItMustBe() {
        assertThat(refusal("{\"flag\":\"yes\"}")).isEqualTo("Field 'flag' must be true or false");
        assertThat(refusal("{\"names\":[7]}")).isEqualTo("Field 'names[0]' must be a string");
        assertThat(refusal("{\"names\":\"a\"}")).startsWith("Field 'names' has the wrong type");
    }

    private static String refusal(String json) {
        try {
            JsonBodies.read(json, Body.class);
        } catch (ErrorResponseException e) {
            return message(e);
        }
        throw new AssertionError("accepted: " + json);
    }

    /** The message of Keycloak's error answer, as a client reads it. */
    static String message(ErrorResponseException e) {
        Object entity = e.getResponse().getEntity();
        return entity instanceof ErrorRepresentation error ? error.getErrorMessage() : String.valueOf(entity);
    }

    private static void assertBadRequest(String json) {
        assertThatThrownBy(() -> JsonBodies.read(json, Body.class))
                .isInstanceOf(ErrorResponseException.class)
                .satisfies(e -> assertThat(((ErrorResponseException) e).getResponse().getStatus()).isEqualTo(400));
    }
}
