package dev.td.statistics.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The statistics module's layout as rules that run in {@code ./mvnw verify}: a root package of result
 * types that knows no method, one package per capability over the shared {@code numeric}, no cycles,
 * at most 20 top-level classes per package, and nothing but the JDK, commons-math3 and JSpecify
 * underneath. On td's own classes they pass; on a fixture that breaks each of them on purpose
 * ({@code dev.td.statsfixture}) they fail, naming what broke them.
 */
class StatisticsHouseRulesTest {

    private static final String ROOT = "dev.td.statistics";
    private static final JavaClasses STATISTICS = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(ROOT);

    @Test
    void theCapabilitiesAreThePackagesBelowTheRoot() {
        assertThat(subpackages(STATISTICS, ROOT))
                .containsExactly(
                        "anomaly",
                        "comparison",
                        "correlation",
                        "descriptive",
                        "load",
                        "numeric",
                        "regression",
                        "screening",
                        "simulation",
                        "sport",
                        "trend");
    }

    @Test
    void noPackageHoldsMoreThanTwentyClasses() {
        assertThat(packagesOver(STATISTICS, ROOT, 20))
                .as("top-level classes per package over 20")
                .isEmpty();
    }

    @Test
    void packagesFormNoCycles() {
        noCycles(ROOT).check(STATISTICS);
    }

    @Test
    void numericUsesNoCapability() {
        numericUsesNoCapability(ROOT).check(STATISTICS);
    }

    @Test
    void theRootPackageUsesNoSubpackage() {
        rootUsesNoSubpackage(ROOT).check(STATISTICS);
    }

    @Test
    void statisticsUsesOnlyTheJdkCommonsMathAndJSpecify() {
        onlyTheJdkCommonsMathAndJSpecify(ROOT).check(STATISTICS);
    }

    @Test
    void everyPackageSaysWhatItOwns() {
        assertThat(packagesWithoutPackageInfo(STATISTICS, ROOT))
                .as("packages without package-info.java")
                .isEmpty();
    }

    /** Top-level classes per package above {@code limit}: a package past about 20 files wants splitting by capability. */
    static Map<String, Long> packagesOver(JavaClasses classes, String root, int limit) {
        return classes.stream()
                .filter(c ->
                        c.getPackageName().equals(root) || c.getPackageName().startsWith(root + "."))
                .filter(JavaClass::isTopLevelClass)
                .filter(c -> !c.getSimpleName().equals("package-info"))
                .collect(Collectors.groupingBy(JavaClass::getPackageName, TreeMap::new, Collectors.counting()))
                .entrySet()
                .stream()
                .filter(e -> e.getValue() > limit)
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a, TreeMap::new));
    }

    /** No cycles between the packages below the root (the root itself is held by {@link #rootUsesNoSubpackage}). */
    static ArchRule noCycles(String root) {
        return slices().matching(root + ".(*)..").should().beFreeOfCycles();
    }

    /** {@code numeric} is underneath every capability: it may use the root's value types, no capability. */
    static ArchRule numericUsesNoCapability(String root) {
        return noClasses()
                .that()
                .resideInAPackage(root + ".numeric..")
                .should()
                .dependOnClassesThat(
                        resideInAPackage(root + "..").and(not(resideInAnyPackage(root, root + ".numeric.."))))
                .because("the shared numerics serve every capability, so none of them may be underneath it");
    }

    /** The result types every capability returns know no method: the root package uses no subpackage. */
    static ArchRule rootUsesNoSubpackage(String root) {
        return noClasses()
                .that()
                .resideInAPackage(root)
                .should()
                .dependOnClassesThat(resideInAPackage(root + "..").and(not(resideInAPackage(root))))
                .because("every capability uses the root's result types, so the root may use none of them");
    }

    /** Pure functions over numbers: the JDK, commons-math3 for distributions and JSpecify for nullness, nothing else. */
    static ArchRule onlyTheJdkCommonsMathAndJSpecify(String root) {
        return classes()
                .that()
                .resideInAPackage(root + "..")
                .should()
                .onlyDependOnClassesThat()
                .resideInAnyPackage(root + "..", "java..", "org.apache.commons.math3..", "org.jspecify.annotations..")
                .because("statistics is a library of pure functions: no JSON, no I/O frameworks, no server");
    }

    /** Packages under the root (the root included) with no {@code package-info.java} saying what they own. */
    static List<String> packagesWithoutPackageInfo(JavaClasses classes, String root) {
        return classes.stream()
                .map(JavaClass::getPackageName)
                .filter(p -> p.equals(root) || p.startsWith(root + "."))
                .distinct()
                .filter(p -> classes.getPackage(p).getClasses().stream()
                        .noneMatch(c -> c.getSimpleName().equals("package-info")))
                .sorted()
                .toList();
    }

    private static List<String> subpackages(JavaClasses classes, String root) {
        return classes.stream()
                .map(JavaClass::getPackageName)
                .filter(p -> p.startsWith(root + "."))
                .map(p -> p.substring(root.length() + 1).split("\\.", -1)[0])
                .distinct()
                .sorted()
                .toList();
    }

    /** The same rules on a statistics module that breaks them: each must fail and name what broke it. */
    @Nested
    class OnAFixtureThatBreaksThem {

        private static final String FIXTURE = "dev.td.statsfixture";
        private static final JavaClasses BROKEN = new ClassFileImporter().importPackages(FIXTURE);

        @Test
        void aPackageOverTheLimitIsNamed() {
            assertThat(packagesOver(BROKEN, FIXTURE, 1)).containsOnlyKeys(FIXTURE + ".correlation");
        }

        @Test
        void numericAndATrendUsingEachOtherAreACycle() {
            assertThatThrownBy(() -> noCycles(FIXTURE).check(BROKEN))
                    .hasMessageContaining("Cycle detected")
                    .hasMessageContaining("numeric")
                    .hasMessageContaining("trend");
        }

        @Test
        void numericUsingACapabilityFails() {
            assertThatThrownBy(() -> numericUsesNoCapability(FIXTURE).check(BROKEN))
                    .hasMessageContaining(FIXTURE + ".numeric.Sums")
                    .hasMessageContaining(FIXTURE + ".trend.Trend");
        }

        @Test
        void aRootTypeUsingACapabilityFails() {
            assertThatThrownBy(() -> rootUsesNoSubpackage(FIXTURE).check(BROKEN))
                    .hasMessageContaining(FIXTURE + ".Result")
                    .hasMessageContaining(FIXTURE + ".trend.Trend");
        }

        @Test
        void aCapabilityUsingJacksonFails() {
            assertThatThrownBy(() -> onlyTheJdkCommonsMathAndJSpecify(FIXTURE).check(BROKEN))
                    .hasMessageContaining(FIXTURE + ".correlation.Pearson")
                    .hasMessageContaining("com.fasterxml.jackson");
        }

        @Test
        void aPackageWithoutPackageInfoIsNamed() {
            assertThat(packagesWithoutPackageInfo(BROKEN, FIXTURE)).containsExactly(FIXTURE + ".correlation");
        }
    }
}
