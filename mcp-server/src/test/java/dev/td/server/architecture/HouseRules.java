package dev.td.server.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import com.tngtech.archunit.library.Architectures;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The layout rules of the server, as ArchUnit rules over a root package (td's own,
 * {@code dev.td.server}, or a fixture that breaks them on purpose). The layers, from the top:
 * Main → faces → wiring → capabilities → the capability seam → access, projections → events.
 */
final class HouseRules {

    /** The packages below the root that are not domains: each is a layer of its own. */
    static final List<String> INFRASTRUCTURE =
            List.of("faces", "wiring", "capability", "access", "projections", "events");

    /** The annotation a capability puts on the types others may use (by name: fixtures carry their own). */
    static final String PUBLISHED = "Published";

    private final String root;
    private final List<String> capabilities;

    /**
     * The rules for the classes under {@code root}. The domains are found, not listed: a package holding
     * a class that implements {@code <root>.capability.Capability} is a capability (the seam's own
     * package aside), so a new domain is checked the moment it plugs in.
     */
    HouseRules(String root, JavaClasses classes) {
        this.root = root;
        String seam = root + ".capability.Capability";
        this.capabilities = classes.stream()
                .filter(c -> c.getAllRawInterfaces().stream()
                        .anyMatch(i -> i.getName().equals(seam)))
                .map(JavaClass::getPackageName)
                .filter(p -> p.startsWith(root + ".") && !p.equals(root + ".capability"))
                .map(p -> p.substring(root.length() + 1).split("\\.", -1)[0])
                .distinct()
                .sorted()
                .toList();
    }

    /** The capability (domain) packages found, by their name below the root. */
    List<String> capabilities() {
        return capabilities;
    }

    /** Packages directly below the root that are neither infrastructure nor a capability: nothing would check them. */
    List<String> unplacedPackages(JavaClasses classes) {
        return classes.stream()
                .map(JavaClass::getPackageName)
                .filter(p -> p.startsWith(root + "."))
                .map(p -> p.substring(root.length() + 1).split("\\.", -1)[0])
                .distinct()
                .filter(p -> !INFRASTRUCTURE.contains(p) && !capabilities.contains(p))
                .sorted()
                .toList();
    }

    private String pkg(String name) {
        return root + "." + name + "..";
    }

    private String[] capabilityPackages() {
        return capabilities.stream().map(this::pkg).toArray(String[]::new);
    }

    /** Faces → wiring → capabilities → seam → access, projections → events; nothing reaches upward. */
    ArchRule layers() {
        return Architectures.layeredArchitecture()
                .consideringOnlyDependenciesInLayers()
                .layer("Main")
                .definedBy(root)
                .layer("Faces")
                .definedBy(pkg("faces"))
                .layer("Wiring")
                .definedBy(pkg("wiring"))
                .layer("Capabilities")
                .definedBy(capabilityPackages())
                .layer("Seam")
                .definedBy(pkg("capability"))
                .layer("Access")
                .definedBy(pkg("access"))
                .layer("Projections")
                .definedBy(pkg("projections"))
                .layer("Events")
                .definedBy(pkg("events"))
                .whereLayer("Main")
                .mayNotBeAccessedByAnyLayer()
                .whereLayer("Faces")
                .mayOnlyBeAccessedByLayers("Main")
                .whereLayer("Wiring")
                .mayOnlyBeAccessedByLayers("Main", "Faces")
                .whereLayer("Capabilities")
                .mayOnlyBeAccessedByLayers("Wiring")
                .whereLayer("Seam")
                .mayOnlyBeAccessedByLayers("Wiring", "Capabilities")
                .whereLayer("Access")
                .mayOnlyBeAccessedByLayers("Main", "Faces", "Wiring", "Seam", "Capabilities")
                .whereLayer("Projections")
                .mayOnlyBeAccessedByLayers("Main", "Wiring", "Seam", "Capabilities")
                .because(
                        "a face only translates, a domain plugs in through the capability seam, and the event log knows no domain");
    }

    /** A capability uses another only through the types it published; its implementation classes are its own. */
    ArchRule capabilitiesMeetOnlyThroughPublishedTypes() {
        return classes()
                .that()
                .resideInAnyPackage(capabilityPackages())
                .should(new ArchCondition<>("use other capabilities only through their @Published types") {
                    @Override
                    public void check(JavaClass origin, ConditionEvents events) {
                        String own = capabilityOf(origin);
                        origin.getDirectDependenciesFromSelf().stream()
                                .filter(d -> !capabilityOf(d.getTargetClass()).isEmpty()
                                        && !capabilityOf(d.getTargetClass()).equals(own))
                                .filter(d -> !published(d.getTargetClass()))
                                .forEach(d -> events.add(SimpleConditionEvent.violated(d, d.getDescription())));
                    }
                })
                .because(
                        "a domain publishes an interface (annotated @Published) and the wiring hands it to the domains that need it");
    }

    /** Only the faces speak HTTP and MCP: no other package imports Helidon or the MCP SDK. */
    ArchRule onlyFacesUseHelidonOrTheMcpSdk() {
        return noClasses()
                .that()
                .resideInAPackage(root + "..")
                .and(not(resideInAnyPackage(pkg("faces"))))
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("io.helidon..", "io.modelcontextprotocol..")
                .because("domains and the event log are transport-free; faces translate");
    }

    /** Projections are pure folds: no database, no clock, no randomness, no I/O. */
    ArchRule projectionsArePureFolds() {
        return noClasses()
                .that()
                .implement(root + ".projections.Projection")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("java.sql..", "javax.sql..", "java.io..", "java.net..", "java.nio.file..")
                .orShould()
                .dependOnClassesThat()
                .haveFullyQualifiedName("java.util.Random")
                .orShould()
                .dependOnClassesThat()
                .haveFullyQualifiedName("java.time.Clock")
                .orShould()
                .callMethod(System.class, "currentTimeMillis")
                .orShould()
                .callMethod(System.class, "nanoTime")
                .orShould()
                .callMethodWhere(new DescribedPredicate<>("a java.time now()") {
                    @Override
                    public boolean test(com.tngtech.archunit.core.domain.JavaMethodCall call) {
                        return call.getTarget().getName().equals("now")
                                && call.getTargetOwner().getPackageName().equals("java.time");
                    }
                })
                .because("the same fold runs inline, on rebuild, and for as-of and what-if replays (ARCHITECTURE.md)");
    }

    /** No cycles between the server's packages. */
    ArchRule noCycles() {
        return slices().matching(root + ".(*)..").should().beFreeOfCycles();
    }

    /** Top-level classes per package above {@code limit}: a package past about 20 files wants splitting by capability. */
    Map<String, Long> packagesOver(JavaClasses classes, int limit) {
        return classes.stream()
                .filter(c -> c.getPackageName().startsWith(root))
                .filter(JavaClass::isTopLevelClass)
                .filter(c -> !c.getSimpleName().equals("package-info"))
                .collect(Collectors.groupingBy(JavaClass::getPackageName, TreeMap::new, Collectors.counting()))
                .entrySet()
                .stream()
                .filter(e -> e.getValue() > limit)
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a, TreeMap::new));
    }

    private String capabilityOf(JavaClass c) {
        for (String cap : capabilities) {
            String p = root + "." + cap;
            if (c.getPackageName().equals(p) || c.getPackageName().startsWith(p + ".")) {
                return cap;
            }
        }
        return "";
    }

    private static boolean published(JavaClass c) {
        JavaClass top = c;
        while (top.getEnclosingClass().isPresent()) {
            top = top.getEnclosingClass().get();
        }
        return top.getAnnotations().stream()
                .anyMatch(a -> a.getRawType().getSimpleName().equals(PUBLISHED));
    }
}
