package org.ringlet.arch;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.GeneralCodingRules;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.fields;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noFields;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ArchitectureTest {
    /** Implementation modules by package root: none may depend on another. */
    private static final List<String> IMPLEMENTATION_PACKAGES = List.of("org.ringlet.partitioner",
            "org.ringlet.storage", "org.ringlet.replication.simple", "org.ringlet.replication.topology",
            "org.ringlet.snitch", "org.ringlet.transport", "org.ringlet.cql", "org.ringlet.cluster",
            "org.ringlet.tools");

    private static ModuleClasses modules;
    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        modules = ModuleClasses.load();
        classes = modules.classes();
    }

    @Test
    void theRulesSeeEveryClassOfEveryModule() {
        assertEquals(modules.expectedModules(), new ArrayList<>(modules.outputs().keySet()).stream()
                .sorted((a, b) -> modules.expectedModules().indexOf(a) - modules.expectedModules().indexOf(b))
                .toList(), "every module of the root POM is on the test class path");
        long built = 0;
        for (Map.Entry<String, Path> e : modules.outputs().entrySet()) {
            long count = ModuleClasses.countClassFiles(e.getValue());
            assertTrue(count > 0, e.getKey() + " has classes (at least its package-info)");
            built += count;
        }
        assertEquals(built, classes.size(), "imported classes = class files built");
        assertTrue(classes.size() > 150, "imported " + classes.size() + " classes");
    }

    @Test
    void coreApiDependsOnTheJdkOnly() {
        classes().that().resideInAPackage("org.ringlet.api..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "org.ringlet.api..")
                .check(classes);
    }

    @Test
    void implementationModulesDoNotDependOnEachOther() {
        slices().assignedFrom(new SliceAssignment() {
            @Override
            public SliceIdentifier getIdentifierOf(JavaClass javaClass) {
                for (String root : IMPLEMENTATION_PACKAGES) {
                    if (javaClass.getPackageName().equals(root) || javaClass.getPackageName().startsWith(root + ".")) {
                        return SliceIdentifier.of(root);
                    }
                }
                return SliceIdentifier.ignore();
            }

            @Override
            public String getDescription() {
                return "implementation modules";
            }
        }).should().notDependOnEachOther().check(classes);
    }

    @Test
    void onlyTheDistributionAndWhatBuildsOnItUseTheNode() {
        noClasses().that().resideOutsideOfPackages("org.ringlet.node..", "org.ringlet.testkit..")
                .should().dependOnClassesThat().resideInAPackage("org.ringlet.node..")
                .check(classes);
    }

    @Test
    void guiceAndLogbackOnlyInTheNode() {
        noClasses().that().resideOutsideOfPackage("org.ringlet.node..")
                .should().dependOnClassesThat().resideInAnyPackage("com.google.inject..", "jakarta.inject..",
                        "javax.inject..")
                .check(classes);
        noClasses().that().resideOutsideOfPackage("org.ringlet.node..")
                .should().dependOnClassesThat().resideInAPackage("ch.qos.logback..")
                .check(classes);
    }

    @Test
    void noFieldInjection() {
        GeneralCodingRules.NO_CLASSES_SHOULD_USE_FIELD_INJECTION.check(classes);
        noFields().should().beAnnotatedWith("jakarta.inject.Inject")
                .orShould().beAnnotatedWith("com.google.inject.Inject")
                .check(classes);
    }

    @Test
    void standardStreamsOnlyInTheCommandLineTools() {
        ArchRule rule = noClasses().that().resideOutsideOfPackage("org.ringlet.tools..")
                .should(GeneralCodingRules.ACCESS_STANDARD_STREAMS)
                .because("components log through slf4j; user-facing output goes through org.ringlet.tools.Console");
        rule.check(classes);
    }

    @Test
    void loggersArePrivateStaticFinal() {
        fields().that().haveRawType(org.slf4j.Logger.class)
                .should().bePrivate().andShould().beStatic().andShould().beFinal()
                .check(classes);
    }

    @Test
    void noMutableStaticState() {
        // ANTLR's generated lexer and parser (org.ringlet.cql.grammar) keep the grammar's ATN, names and prediction
        // caches in static fields: grammar constants and thread-safe caches shared by design, never node state.
        fields().that().areDeclaredInClassesThat().resideOutsideOfPackage("org.ringlet.cql.grammar")
                .should(new NoMutableStaticState()).check(classes);
    }

    @Test
    void noCyclesBetweenModules() {
        slices().assignedFrom(new SliceAssignment() {
            @Override
            public SliceIdentifier getIdentifierOf(JavaClass javaClass) {
                String pkg = javaClass.getPackageName();
                if (pkg.startsWith("org.example")) {
                    return SliceIdentifier.of("examples");
                }
                if (!pkg.startsWith("org.ringlet.")) {
                    return SliceIdentifier.ignore();
                }
                String[] parts = pkg.split("\\.");
                return SliceIdentifier.of(parts[2].equals("replication") && parts.length > 3
                        ? "replication." + parts[3] : parts[2]);
            }

            @Override
            public String getDescription() {
                return "modules";
            }
        }).should().beFreeOfCycles().check(classes);
    }

    @Test
    void noPackageCyclesOutsideCoreApi() {
        // core-api's contract packages reference each other by design (errors carry consistency levels, the data
        // model uses the schema and types, the ring uses locations), so core-api is checked as one unit by
        // noCyclesBetweenModules; within every other module, packages must not form cycles.
        slices().assignedFrom(new SliceAssignment() {
            @Override
            public SliceIdentifier getIdentifierOf(JavaClass javaClass) {
                String pkg = javaClass.getPackageName();
                return pkg.startsWith("org.ringlet.") && !pkg.startsWith("org.ringlet.api")
                        ? SliceIdentifier.of(pkg) : SliceIdentifier.ignore();
            }

            @Override
            public String getDescription() {
                return "packages outside core-api";
            }
        }).should().beFreeOfCycles().check(classes);
        slices().matching("org.example.(**)").should().beFreeOfCycles().allowEmptyShould(true).check(classes);
    }

    @Test
    void everyPackageSaysWhatItIsFor() {
        List<String> missing = new ArrayList<>();
        for (JavaClass c : classes) {
            String pkg = c.getPackageName();
            if (!missing.contains(pkg) && classes.stream().noneMatch(o -> o.getPackageName().equals(pkg)
                    && o.getSimpleName().equals("package-info"))) {
                missing.add(pkg);
            }
        }
        assertEquals(List.of(), missing, "packages without package-info.java");
    }
}
