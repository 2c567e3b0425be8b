package dev.td.server.architecture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The server's layout as rules that run in {@code ./mvnw verify}: on td's own classes they pass; on a
 * fixture that breaks each of them on purpose ({@code dev.td.archfixture}) they fail, naming the
 * offending dependency.
 */
class ArchitectureTest {

    private static final JavaClasses TD = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.td.server");
    private static final HouseRules RULES = new HouseRules("dev.td.server", TD);

    @Test
    void theDomainsAreFoundByTheirCapability() {
        assertThat(RULES.capabilities())
                .containsExactly(
                        "analysis",
                        "compare",
                        "endurance",
                        "evidence",
                        "exercises",
                        "exports",
                        "health",
                        "imports",
                        "insights",
                        "journal",
                        "load",
                        "metrics",
                        "overview",
                        "past",
                        "profile",
                        "sharing",
                        "strength",
                        "whatif");
    }

    @Test
    void everyPackageIsALayerOrACapability() {
        assertThat(RULES.unplacedPackages(TD)).as("packages no rule places").isEmpty();
    }

    @Test
    void layersOnlyPointDownward() {
        RULES.layers().check(TD);
    }

    @Test
    void capabilitiesMeetOnlyThroughPublishedTypes() {
        RULES.capabilitiesMeetOnlyThroughPublishedTypes().check(TD);
    }

    @Test
    void onlyTheFacesUseHelidonOrTheMcpSdk() {
        RULES.onlyFacesUseHelidonOrTheMcpSdk().check(TD);
    }

    @Test
    void projectionsArePureFolds() {
        RULES.projectionsArePureFolds().check(TD);
    }

    @Test
    void theServerUsesTheStatisticsCapabilitiesNeverTheirInternalNumerics() {
        com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses()
                .that()
                .resideInAPackage("dev.td.server..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("dev.td.statistics.numeric..")
                .because("numeric is public only so the statistics packages can share it")
                .check(TD);
    }

    @Test
    void packagesFormNoCycles() {
        RULES.noCycles().check(TD);
    }

    @Test
    void noPackageHoldsMoreThanTwentyClasses() {
        assertThat(RULES.packagesOver(TD, 20))
                .as("top-level classes per package over 20")
                .isEmpty();
    }

    @Test
    void everyPackageSaysWhatItOwns() {
        assertThat(TD.stream().map(c -> c.getPackageName()).distinct())
                .allSatisfy(p -> assertThat(TD.containPackage(p)
                                && TD.getPackage(p).getClasses().stream()
                                        .anyMatch(c -> c.getSimpleName().equals("package-info")))
                        .as("package-info.java in " + p)
                        .isTrue());
    }

    /** The same rules on a server that breaks them: each must fail and name what broke it. */
    @Nested
    class OnAFixtureThatBreaksThem {

        private static final JavaClasses BROKEN = new ClassFileImporter().importPackages("dev.td.archfixture");
        private static final HouseRules FIXTURE = new HouseRules("dev.td.archfixture", BROKEN);

        @Test
        void aPackageThatIsNeitherALayerNorACapabilityIsNamed() {
            assertThat(FIXTURE.unplacedPackages(BROKEN)).containsExactly("stray");
        }

        @Test
        void anEventLogCallingADomainFailsTheLayers() {
            assertThatThrownBy(() -> FIXTURE.layers().check(BROKEN))
                    .hasMessageContaining("dev.td.archfixture.events.Log")
                    .hasMessageContaining("LeakyWorkouts");
        }

        @Test
        void aDomainUsingAnotherDomainsUnpublishedClassFails() {
            assertThatThrownBy(() ->
                            FIXTURE.capabilitiesMeetOnlyThroughPublishedTypes().check(BROKEN))
                    .hasMessageContaining("LeakyWorkouts")
                    .hasMessageContaining("CatalogInternals");
        }

        @Test
        void aDomainImportingHelidonFails() {
            assertThatThrownBy(() -> FIXTURE.onlyFacesUseHelidonOrTheMcpSdk().check(BROKEN))
                    .hasMessageContaining("io.helidon.http.Status");
        }

        @Test
        void aProjectionReadingTheClockFails() {
            assertThatThrownBy(() -> FIXTURE.projectionsArePureFolds().check(BROKEN))
                    .hasMessageContaining("ClockedProjection")
                    .hasMessageContaining("now");
        }

        @Test
        void aCycleBetweenPackagesFails() {
            assertThatThrownBy(() -> FIXTURE.noCycles().check(BROKEN)).hasMessageContaining("Cycle detected");
        }

        @Test
        void aPackageOverTheLimitIsNamed() {
            assertThat(FIXTURE.packagesOver(BROKEN, 1))
                    .containsKeys("dev.td.archfixture.strength", "dev.td.archfixture.exercises");
        }
    }
}
