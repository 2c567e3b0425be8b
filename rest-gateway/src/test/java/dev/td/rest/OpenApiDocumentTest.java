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
