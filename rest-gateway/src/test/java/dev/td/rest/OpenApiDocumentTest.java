package dev.td.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.td.tools.ToolCatalog;
import dev.td.tools.ToolManifest;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class OpenApiDocumentTest {

    private final List<ToolManifest> tools = ToolCatalog.load().all();
    private final JsonNode doc = OpenApiDocument.generate(tools, "test");

    @Test
    void theDocumentIsValidOpenApi31ForTheSwaggerParser() {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        SwaggerParseResult result = new OpenAPIV3Parser().readContents(doc.toString(), null, options);
        assertThat(result.getMessages()).as("validation messages").isEmpty();
        assertThat(result.getOpenAPI().getOpenapi()).isEqualTo("3.1.0");
        assertThat(result.getOpenAPI().getPaths()).isNotEmpty();
    }

    @Test
    void theRoutesThatCarryFilesAreOperationsOfAValidDocumentWhereTheServerHasThem() {
        JsonNode withFiles = OpenApiDocument.generate(
                tools, "test", java.util.Optional.of("events:write"), java.util.Optional.of("events:read"));
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        SwaggerParseResult result = new OpenAPIV3Parser().readContents(withFiles.toString(), null, options);
        assertThat(result.getMessages()).as("validation messages").isEmpty();
        JsonNode upload = withFiles.at("/paths/~1v1~1uploads/put");
        assertThat(upload.path("operationId").asText()).isEqualTo("upload_file");
        assertThat(upload.at("/requestBody/content").has("application/octet-stream"))
                .isTrue();
        assertThat(upload.at("/responses/201/content/application~1json/schema/$ref")
                        .asText())
                .isEqualTo("#/components/schemas/UploadFileResponse");
        assertThat(upload.at("/parameters/0/name").asText()).isEqualTo("name");
        assertThat(upload.path("description").asText()).contains("`events:write`");
        JsonNode download = withFiles.at("/paths/~1v1~1exports~1{export_id}/get");
        assertThat(download.path("operationId").asText()).isEqualTo("download_export");
        assertThat(download.at("/responses/200/content").has("application/zip")).isTrue();
        assertThat(download.at("/responses/404/$ref").asText()).isEqualTo("#/components/responses/NotFound");
        assertThat(doc.at("/paths/~1v1~1uploads").isMissingNode())
                .as("a server without uploads does not offer them")
                .isTrue();
    }

    @Test
    void theValidatorWouldNoticeABrokenDocument() {
        com.fasterxml.jackson.databind.node.ObjectNode broken =
                (com.fasterxml.jackson.databind.node.ObjectNode) doc.deepCopy();
        broken.remove("info");
        ((com.fasterxml.jackson.databind.node.ObjectNode) broken.at("/paths/~1v1~1events/get")).remove("responses");
        SwaggerParseResult result = new OpenAPIV3Parser().readContents(broken.toString(), null, new ParseOptions());
        assertThat(result.getMessages()).isNotEmpty();
    }

    @Test
    void everyManifestIsAnOperationAtItsMethodAndPath() {
        for (ToolManifest tool : tools) {
            JsonNode op = doc.path("paths")
                    .path(tool.rest().path())
                    .path(tool.rest().method().toLowerCase(Locale.ROOT));
            assertThat(op.path("operationId").asText()).as(tool.name()).isEqualTo(tool.name());
            assertThat(op.path("responses").has("400"))
                    .as(tool.name() + " documents bad input")
                    .isTrue();
        }
    }

    @Test
    void sharedDefinitionsLiveInComponentsAndEveryReferenceResolves() {
        List<String> refs = doc.findValuesAsText("$ref");
        assertThat(refs).isNotEmpty().allSatisfy(ref -> {
            assertThat(ref).matches("#/components/(schemas|responses)/[A-Z][A-Za-z0-9]*");
            assertThat(doc.at(ref.substring(1)).isMissingNode())
                    .as(ref + " resolves")
                    .isFalse();
        });
    }

    @Test
    void getRoutesTakeTheirArgumentsAsQueryParameters() {
        JsonNode params = doc.at("/paths/~1v1~1events/get/parameters");
        assertThat(params.findValuesAsText("name")).contains("types", "from", "to", "limit", "cursor");
        assertThat(doc.at("/paths/~1v1~1events~1{event_id}~1void/post/parameters/0/in")
                        .asText())
                .isEqualTo("path");
    }
}
