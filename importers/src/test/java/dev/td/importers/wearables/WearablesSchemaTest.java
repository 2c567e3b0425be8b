package dev.td.importers.wearables;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.td.importers.Draft;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every draft of every WHOOP and Oura fixture is valid for td's event schema, and its metric is either a registry
 * metric in one of the registry's units and within its plausible range, or one of the person's own metrics whose name
 * the registry does not claim.
 */
class WearablesSchemaTest {

    @TempDir
    Path tmp;

    private final List<Draft> drafts = new ArrayList<>();

    @BeforeEach
    void readEveryFixture() {
        WhoopImporter whoop = new WhoopImporter();
        OuraImporter oura = new OuraImporter();
        for (Path file : List.of(
                Fixtures.whoopZip(tmp), Fixtures.WHOOP_CYCLES, Fixtures.WHOOP_SLEEPS, Fixtures.WHOOP_WORKOUTS)) {
            drafts.addAll(Collected.read(whoop, file).drafts);
        }
        for (Path file :
                List.of(Fixtures.ouraZip(tmp), Fixtures.OURA_JSON, Fixtures.OURA_V1_JSON, Fixtures.OURA_TRENDS)) {
            drafts.addAll(Collected.read(oura, file).drafts);
        }
    }

    @Test
    void everyDraftFollowsTdsEventSchema() {
        assertThat(drafts).hasSizeGreaterThan(100);
        assertThat(drafts.stream().flatMap(d -> EventSchemaCheck.problems(d).stream()))
                .isEmpty();
        assertThat(drafts).extracting(Draft::type).containsOnly("metric.recorded", "activity.logged");
    }

    @Test
    void registryMetricsAreInTheRegistrysUnitsAndRanges() {
        for (Draft d :
                drafts.stream().filter(d -> d.type().equals("metric.recorded")).toList()) {
            JsonNode data = d.data();
            Optional<JsonNode> metric =
                    EventSchemaCheck.registryMetric(data.get("metric").asText());
            if (metric.isEmpty()) {
                continue;
            }
            JsonNode m = metric.get();
            if (m.get("unit").isNull()) {
                assertThat(data.has("unit")).as("%s has no unit", d.recordId()).isFalse();
            } else {
                String unit = data.get("unit").asText();
                assertThat(m.get("units"))
                        .as("%s unit", d.recordId())
                        .extracting(JsonNode::asText)
                        .contains(unit);
                BigDecimal canonical = EventSchemaCheck.toCanonical(
                        data.get("value").asDouble(), unit, m.get("unit").asText());
                assertThat(canonical)
                        .as("%s in %s", d.recordId(), m.get("unit").asText())
                        .isBetween(
                                m.get("range").get(0).decimalValue(),
                                m.get("range").get(1).decimalValue());
            }
        }
    }

    @Test
    void theOwnMetricsAreNamesTheRegistryDoesNotClaim() {
        Set<String> own = new TreeSet<>();
        for (Draft d :
                drafts.stream().filter(d -> d.type().equals("metric.recorded")).toList()) {
            String name = d.data().get("metric").asText();
            if (EventSchemaCheck.registryMetric(name).isEmpty()) {
                own.add(name);
            }
        }

        assertThat(own).containsExactly("skin_temperature", "temperature_deviation", "whoop_strain");
        assertThat(own).noneMatch(EventSchemaCheck::isRegistryNameOrAlias);
    }
}
