package io.github.machineusers.openapi;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;
import org.eclipse.microprofile.openapi.models.security.SecurityScheme;

/**
 * What holds for every operation of the admin API and would otherwise be repeated on each method:
 * the path parameters Keycloak's mount point and the resource locators introduce, bearer-token
 * authentication, and the error answers every operation can give ({@code ErrorResponse}'s
 * {@code errorMessage} body).
 */
public class AdminApiConventions implements OASFilter {

    static final String ERROR_SCHEMA = "Error";
    private static final Pattern PATH_PARAMETER = Pattern.compile("\\{([^}]+)}");
    private static final String BEARER = "bearer";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        openAPI.getComponents().addSchema(ERROR_SCHEMA, OASFactory.createSchema()
                .addType(Schema.SchemaType.OBJECT)
                .description("Why the request was refused")
                .addProperty("errorMessage", OASFactory.createSchema().addType(Schema.SchemaType.STRING))
                .addProperty("field", OASFactory.createSchema().addType(Schema.SchemaType.STRING)));
        openAPI.getComponents().addSecurityScheme(BEARER, OASFactory.createSecurityScheme()
                .type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT")
                .description("An access token of a realm administrator, as for Keycloak's own admin API"));
        openAPI.addSecurityRequirement(OASFactory.createSecurityRequirement().addScheme(BEARER));
        ExactSchemas.apply(openAPI);
        openAPI.getPaths().getPathItems().forEach(this::applyConventions);
    }

    private void applyConventions(String path, PathItem item) {
        declarePathParameters(path, item);
        for (Map.Entry<PathItem.HttpMethod, Operation> entry : item.getOperations().entrySet()) {
            Operation operation = entry.getValue();
            APIResponses responses = operation.getResponses();
            responses.addAPIResponse("401", plain("No bearer token, or an expired or invalid one"));
            responses.addAPIResponse("403", error("The caller lacks the right this operation needs"));
            if (operation.getRequestBody() != null || hasQueryParameters(operation)) {
                addIfAbsent(responses, "400", "The body or a query parameter is invalid; nothing changed");
            }
            if (operation.getRequestBody() != null) {
                responses.addAPIResponse("415", plain("The body is not application/json"));
            }
            if (path.indexOf('{', path.indexOf("{realm}") + 1) >= 0) {
                addIfAbsent(responses, "404", "No such machine user, key, set, partition, group or user in this realm");
            } else {
                addIfAbsent(responses, "404", "No such realm");
            }
            // Refusals declared on a method (409) carry the same body as every other refusal.
            responses.getAPIResponses().forEach((code, response) -> {
                if (code.startsWith("4") && !code.equals("401") && response.getContent() == null) {
                    response.content(errorContent());
                }
            });
        }
    }

    /** On the path item, unless the path item or every operation declares it already. */
    private static void declarePathParameters(String path, PathItem item) {
        Matcher matcher = PATH_PARAMETER.matcher(path);
        while (matcher.find()) {
            String name = matcher.group(1);
            boolean declared = declares(item.getParameters(), name)
                    || item.getOperations().values().stream().allMatch(operation -> declares(operation.getParameters(), name));
            if (!declared) {
                item.addParameter(OASFactory.createParameter().name(name).in(Parameter.In.PATH).required(true)
                        .schema(OASFactory.createSchema().addType(Schema.SchemaType.STRING)));
            }
        }
    }

    private static boolean declares(java.util.List<Parameter> parameters, String name) {
        return parameters != null && parameters.stream()
                .anyMatch(parameter -> parameter.getIn() == Parameter.In.PATH && name.equals(parameter.getName()));
    }

    private static boolean hasQueryParameters(Operation operation) {
        return operation.getParameters() != null
                && operation.getParameters().stream().anyMatch(parameter -> parameter.getIn() == Parameter.In.QUERY);
    }

    private static void addIfAbsent(APIResponses responses, String code, String description) {
        if (!responses.hasAPIResponse(code)) {
            responses.addAPIResponse(code, error(description));
        }
    }

    private static APIResponse error(String description) {
        return OASFactory.createAPIResponse().description(description).content(errorContent());
    }

    private static APIResponse plain(String description) {
        return OASFactory.createAPIResponse().description(description);
    }

    private static Content errorContent() {
        MediaType json = OASFactory.createMediaType()
                .schema(OASFactory.createSchema().ref("#/components/schemas/" + ERROR_SCHEMA));
        return OASFactory.createContent().addMediaType("application/json", json);
    }
}
