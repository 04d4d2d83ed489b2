package io.jitprovisioning.compat;

import java.lang.invoke.MethodType;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The other half of binary compatibility: Keycloak calls the extension through its SPI methods. A method that
 * overrode an SPI method in the Keycloak it was compiled against but not in the one it runs on is silently skipped
 * (Keycloak calls its default instead), and an SPI method added without a default is an {@code AbstractMethodError}.
 */
public final class Overrides {

    private Overrides() {
    }

    /** What changed for {@code compiled} (as built) when it runs as {@code running} (loaded from a distribution). */
    public static List<String> problems(Class<?> compiled, Class<?> running) {
        List<String> problems = new ArrayList<>();
        for (Method method : compiled.getDeclaredMethods()) {
            if (isInstanceMember(method) && !method.isSynthetic() && overridesSomething(compiled, signature(method))
                    && !overridesSomething(running, signature(method))) {
                problems.add(compiled.getName() + "." + method.getName() + " no longer overrides a Keycloak method "
                        + "(" + signature(method) + ")");
            }
        }
        if (!running.isInterface() && !Modifier.isAbstract(running.getModifiers())) {
            for (String signature : abstractMethodsOfSupertypes(running)) {
                if (!implemented(running, signature)) {
                    problems.add(running.getName() + " does not implement " + signature);
                }
            }
        }
        return problems;
    }

    private static boolean overridesSomething(Class<?> type, String signature) {
        return supertypes(type).stream().anyMatch(supertype -> declaresInherited(supertype, signature));
    }

    private static boolean implemented(Class<?> type, String signature) {
        for (Class<?> current = type; current != null; current = current.getSuperclass()) {
            for (Method method : current.getDeclaredMethods()) {
                if (isInstanceMember(method) && !Modifier.isAbstract(method.getModifiers()) && signature(method).equals(signature)) {
                    return true;
                }
            }
        }
        return supertypes(type).stream().filter(Class::isInterface).flatMap(face -> List.of(face.getDeclaredMethods()).stream())
                .anyMatch(method -> method.isDefault() && signature(method).equals(signature));
    }

    private static Set<String> abstractMethodsOfSupertypes(Class<?> type) {
        Set<String> signatures = new LinkedHashSet<>();
        for (Class<?> supertype : supertypes(type)) {
            for (Method method : supertype.getDeclaredMethods()) {
                if (isInstanceMember(method) && Modifier.isAbstract(method.getModifiers())) {
                    signatures.add(signature(method));
                }
            }
        }
        return signatures;
    }

    private static boolean declaresInherited(Class<?> type, String signature) {
        for (Method method : type.getDeclaredMethods()) {
            if (isInstanceMember(method) && !Modifier.isPrivate(method.getModifiers()) && signature(method).equals(signature)) {
                return true;
            }
        }
        return false;
    }

    /** Every superclass and superinterface, without {@code type} itself. */
    private static Set<Class<?>> supertypes(Class<?> type) {
        Set<Class<?>> all = new LinkedHashSet<>();
        List<Class<?>> pending = new ArrayList<>(List.of(type));
        while (!pending.isEmpty()) {
            Class<?> current = pending.remove(0);
            List<Class<?>> parents = new ArrayList<>(List.of(current.getInterfaces()));
            if (current.getSuperclass() != null) {
                parents.add(current.getSuperclass());
            }
            for (Class<?> parent : parents) {
                if (all.add(parent)) {
                    pending.add(parent);
                }
            }
        }
        return all;
    }

    private static boolean isInstanceMember(Method method) {
        return !Modifier.isStatic(method.getModifiers());
    }

    private static String signature(Method method) {
        return method.getName() + MethodType.methodType(method.getReturnType(), method.getParameterTypes()).toMethodDescriptorString();
    }
}
