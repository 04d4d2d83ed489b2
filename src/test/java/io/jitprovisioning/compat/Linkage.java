package io.jitprovisioning.compat;

import java.lang.invoke.MethodType;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Resolves class-file references the way the JVM does (JVMS 5.4.3), against the classes one class loader sees: a
 * Keycloak distribution's libraries. Only loads classes, never initialises them. References to the JDK are not
 * checked: the same Java runs the build and Keycloak, and {@code MethodHandle.invoke} has no fixed descriptor.
 */
public final class Linkage {

    private final ClassLoader loader;
    private final Map<Class<?>, Set<String>> members = new HashMap<>();

    public Linkage(ClassLoader loader) {
        this.loader = loader;
    }

    /** Why the reference would fail in a running Keycloak, or empty when it resolves. */
    public Optional<String> problem(ClassReference reference) {
        String owner = elementType(reference.owner());
        if (owner == null || isJdk(owner)) {
            return Optional.empty();
        }
        Class<?> type;
        try {
            type = Class.forName(owner.replace('/', '.'), false, loader);
        } catch (ClassNotFoundException | LinkageError e) {
            return Optional.of("class " + owner.replace('/', '.') + " is missing (" + e + ")");
        }
        try {
            boolean found = switch (reference.kind()) {
                case CLASS -> true;
                case FIELD -> hasField(type, reference.name(), reference.descriptor());
                case METHOD, INTERFACE_METHOD -> "<init>".equals(reference.name())
                        ? declares(type, reference.name() + reference.descriptor())
                        : hasMethod(type, reference.name() + reference.descriptor());
            };
            return found ? Optional.empty() : Optional.of(reference.kind().name().toLowerCase().replace('_', ' ')
                    + " " + reference + " does not exist");
        } catch (LinkageError e) {
            return Optional.of("cannot read the members of " + type.getName() + " (" + e + ")");
        }
    }

    private boolean hasMethod(Class<?> type, String signature) {
        for (Class<?> current = type; current != null; current = current.getSuperclass()) {
            if (declares(current, signature)) {
                return true;
            }
        }
        return superInterfaces(type).stream().anyMatch(face -> declares(face, signature));
    }

    private boolean hasField(Class<?> type, String name, String descriptor) {
        String signature = name + ":" + descriptor;
        for (Class<?> current = type; current != null; current = current.getSuperclass()) {
            if (declares(current, signature)) {
                return true;
            }
        }
        return superInterfaces(type).stream().anyMatch(face -> declares(face, signature));
    }

    private boolean declares(Class<?> type, String signature) {
        return members.computeIfAbsent(type, Linkage::declaredMembers).contains(signature);
    }

    private static Set<String> declaredMembers(Class<?> type) {
        Set<String> signatures = new HashSet<>();
        for (Method method : type.getDeclaredMethods()) {
            signatures.add(method.getName() + MethodType.methodType(method.getReturnType(), method.getParameterTypes())
                    .toMethodDescriptorString());
        }
        for (Constructor<?> constructor : type.getDeclaredConstructors()) {
            signatures.add("<init>" + MethodType.methodType(void.class, constructor.getParameterTypes())
                    .toMethodDescriptorString());
        }
        for (Field field : type.getDeclaredFields()) {
            signatures.add(field.getName() + ":" + field.getType().descriptorString());
        }
        return signatures;
    }

    private static Set<Class<?>> superInterfaces(Class<?> type) {
        Set<Class<?>> all = new HashSet<>();
        Deque<Class<?>> pending = new ArrayDeque<>();
        for (Class<?> current = type; current != null; current = current.getSuperclass()) {
            pending.add(current);
        }
        while (!pending.isEmpty()) {
            for (Class<?> face : pending.poll().getInterfaces()) {
                if (all.add(face)) {
                    pending.add(face);
                }
            }
        }
        return all;
    }

    /** The class an owner or class constant names: the element type of an array, null for primitive arrays. */
    private static String elementType(String owner) {
        String name = owner;
        while (name.startsWith("[")) {
            name = name.substring(1);
        }
        if (name.length() == owner.length()) {
            return name;
        }
        return name.startsWith("L") && name.endsWith(";") ? name.substring(1, name.length() - 1) : null;
    }

    private static boolean isJdk(String owner) {
        return owner.startsWith("java/") || owner.startsWith("jdk/") || owner.startsWith("sun/");
    }
}
