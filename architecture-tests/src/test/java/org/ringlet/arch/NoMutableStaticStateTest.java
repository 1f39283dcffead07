package org.ringlet.arch;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.EvaluationResult;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.fields;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The mutable-static-state rule flags what it should and passes what it should. */
class NoMutableStaticStateTest {

    @SuppressWarnings("unused")
    static final class Allowed {
        static final int LIMIT = 3;
        static final String NAME = "x";
        static final Duration TIMEOUT = Duration.ofSeconds(1);
        static final Pattern WORD = Pattern.compile("\\w+");
        static final List<String> NAMES = List.of("a", "b");
        static final Set<String> MANY = Set.of(
                "a",
                "b",
                "c");
        static final Map<String, Integer> COPY = Map.copyOf(new HashMap<>(Map.of("a", 1)));
        static final java.lang.invoke.VarHandle HANDLE = java.lang.invoke.MethodHandles.arrayElementVarHandle(
                int[].class);
        static final List<String> WRAPPED;

        static {
            List<String> building = new ArrayList<>();
            building.add("z");
            WRAPPED = Collections.unmodifiableList(building);
        }
    }

    @SuppressWarnings("unused")
    static final class Forbidden {
        static int counter;
        static final int[] TABLE = {1, 2};
        static final List<String> MUTABLE = new ArrayList<>();
        static final HashMap<String, String> CONCRETE = new HashMap<>();
        static final AtomicLong SEQUENCE = new AtomicLong();
        static final StringBuilder BUFFER = new StringBuilder();
    }

    private static EvaluationResult evaluate(Class<?> type) {
        JavaClasses imported = new ClassFileImporter().importClasses(type);
        return fields().that().areDeclaredIn(type).should(new NoMutableStaticState()).evaluate(imported);
    }

    @Test
    void immutableConstantsPass() {
        EvaluationResult result = evaluate(Allowed.class);
        assertEquals(List.of(), result.getFailureReport().getDetails());
    }

    @Test
    void mutableStaticStateIsFlagged() {
        List<String> details = evaluate(Forbidden.class).getFailureReport().getDetails();
        assertEquals(6, details.size(), details.toString());
        for (String field : List.of("counter", "TABLE", "MUTABLE", "CONCRETE", "SEQUENCE", "BUFFER")) {
            assertTrue(details.stream().anyMatch(d -> d.contains("Forbidden." + field + " ")), field + ": " + details);
        }
    }
}
