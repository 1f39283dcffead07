package org.ringlet.arch;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import com.tngtech.archunit.core.domain.JavaAccess;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaFieldAccess;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.domain.JavaStaticInitializer;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;

/**
 * No static field may hold mutable state: every static field is final, and its type is immutable: a primitive, a
 * boxed value, a String, an enum, a record, a logger, a known immutable JDK type ({@code VarHandle} included), a
 * Ringlet class whose fields are all final (or a Ringlet interface), or a collection/map interface filled by an
 * unmodifiable factory ({@code List.of}, {@code Map.copyOf}, {@code Collections.unmodifiable*} …) in the static
 * initializer. Arrays are always mutable. Compiler-generated (synthetic) fields are ignored.
 */
final class NoMutableStaticState extends ArchCondition<JavaField> {
    private static final List<Class<?>> IMMUTABLE = List.of(String.class, Boolean.class, Character.class, Byte.class,
            Short.class, Integer.class, Long.class, Float.class, Double.class, Class.class, Pattern.class,
            BigInteger.class, BigDecimal.class, UUID.class, Charset.class, Locale.class, Optional.class,
            java.time.format.DateTimeFormatter.class, java.time.Duration.class, java.time.Instant.class,
            java.time.ZoneId.class, org.slf4j.Logger.class,
            // immutable by specification ("VarHandles are immutable and have no visible state")
            java.lang.invoke.VarHandle.class);

    NoMutableStaticState() {
        super("be final and of an immutable type");
    }

    @Override
    public void check(JavaField field, ConditionEvents events) {
        if (!field.getModifiers().contains(JavaModifier.STATIC) || field.getModifiers().contains(JavaModifier.SYNTHETIC)) {
            return;
        }
        String problem = problem(field);
        if (problem != null) {
            events.add(SimpleConditionEvent.violated(field, field.getFullName() + " " + problem));
        }
    }

    private static String problem(JavaField field) {
        if (!field.getModifiers().contains(JavaModifier.FINAL)) {
            return "is a non-final static field";
        }
        JavaClass type = field.getRawType();
        if (type.isArray()) {
            return "is a static array, which is mutable";
        }
        if (type.isAssignableTo(Collection.class) || type.isAssignableTo(Map.class)) {
            if (!type.isInterface()) {
                return "is a static " + type.getSimpleName() + ", which is mutable";
            }
            return filledByUnmodifiableFactory(field) ? null
                    : "is a static collection not made by List.of, Set.of, Map.of, copyOf or Collections.unmodifiable*";
        }
        return isImmutableType(type) ? null : "has type " + type.getName() + ", which may be mutable";
    }

    static boolean isImmutableType(JavaClass type) {
        if (type.isPrimitive() || type.isEnum() || type.isRecord()) {
            return true;
        }
        for (Class<?> c : IMMUTABLE) {
            if (type.isEquivalentTo(c)) {
                return true;
            }
        }
        String pkg = type.getPackageName();
        if (pkg.equals("java.time") || pkg.equals("java.util.function") || type.isEquivalentTo(java.util.Comparator.class)) {
            return true;
        }
        if (pkg.startsWith("org.ringlet") || pkg.startsWith("org.example")) {
            return type.isInterface() || allInstanceFieldsFinal(type);
        }
        return false;
    }

    private static boolean allInstanceFieldsFinal(JavaClass type) {
        for (JavaField f : type.getAllFields()) {
            if (!f.getModifiers().contains(JavaModifier.STATIC) && !f.getModifiers().contains(JavaModifier.FINAL)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether the static initializer assigns the field from an unmodifiable factory: among the calls made between
     * the previous static field assignment and this one.
     */
    private static boolean filledByUnmodifiableFactory(JavaField field) {
        Optional<JavaStaticInitializer> init = field.getOwner().getStaticInitializer();
        if (init.isEmpty()) {
            return false;
        }
        int setLine = -1;
        int previousLine = 0;
        List<Integer> otherSets = new ArrayList<>();
        for (JavaFieldAccess access : init.get().getFieldAccesses()) {
            if (access.getAccessType() != JavaFieldAccess.AccessType.SET) {
                continue;
            }
            if (access.getTarget().getName().equals(field.getName())
                    && access.getTarget().getOwner().equals(field.getOwner())) {
                setLine = access.getLineNumber();
            } else {
                otherSets.add(access.getLineNumber());
            }
        }
        if (setLine < 0) {
            return false;
        }
        for (int line : otherSets) {
            if (line < setLine && line > previousLine) {
                previousLine = line;
            }
        }
        boolean unmodifiable = false;
        for (JavaAccess<?> call : init.get().getMethodCallsFromSelf()) {
            int line = call.getLineNumber();
            if (line > previousLine && line <= setLine && isUnmodifiableFactory(call)) {
                unmodifiable = true;
            }
        }
        return unmodifiable;
    }

    private static boolean isUnmodifiableFactory(JavaAccess<?> call) {
        String owner = call.getTargetOwner().getName();
        String name = call.getName();
        if (owner.equals("java.util.Collections")) {
            return name.startsWith("unmodifiable") || name.startsWith("empty") || name.startsWith("singleton");
        }
        if (owner.equals("java.util.List") || owner.equals("java.util.Set") || owner.equals("java.util.Map")) {
            return name.equals("of") || name.equals("copyOf") || name.equals("ofEntries");
        }
        return false;
    }
}
