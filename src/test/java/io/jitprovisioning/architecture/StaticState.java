package io.jitprovisioning.architecture;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.jitprovisioning.architecture.JavaSource.Field;

/**
 * Static fields that hold mutable state, found in the sources. A static field is one copy per JVM: a cache, a counter
 * or a flag kept there is shared by every Keycloak and every test in the JVM, and lives as long as the class. State
 * belongs to an object someone owns (a provider factory, a session) instead.
 *
 * <p>What it reports:
 * <ul>
 *   <li>a static field that is not final;</li>
 *   <li>a static array (its elements can always be written);</li>
 *   <li>a static field of a JDK type that holds changing values ({@link #MUTABLE_JDK}: atomics, thread locals,
 *       modifiable collections, builders, random generators);</li>
 *   <li>a static list, set, map or collection not built unmodifiable at its declaration ({@link #UNMODIFIABLE}:
 *       {@code List.of}, {@code copyOf}, {@code Collections.unmodifiable...}, a stream's {@code toList()}), or by a
 *       static method without parameters whose every {@code return} is;</li>
 *   <li>a static field whose type, or the class it creates, holds state: a class of {@code src/main} (or an
 *       anonymous class in the initializer) with a field that is not final, or that is created as a modifiable
 *       container or atomic, or whose type is itself such a class (so a factory that owns a cache holds state);</li>
 *   <li>an enum that holds state: its constants are static singletons.</li>
 * </ul>
 * What it lets through: constants of immutable types (strings, numbers, records and classes whose fields are all
 * final, enums), loggers, patterns, method handles; stateless singletons; unmodifiable collections, without looking
 * at their elements (Keycloak's {@code ProviderConfigProperty} has setters, but nobody calls them after the class is
 * initialized); and a final field that holds a collection handed to a constructor (this check cannot see whether it
 * was copied: those classes are immutable by review). It reads sources without a parser ({@link JavaSource}).
 */
final class StaticState {

    static final Pattern MUTABLE_JDK = Pattern.compile("Atomic\\w*|LongAdder|DoubleAdder|\\w*ThreadLocal|StringBuilder|"
            + "StringBuffer|\\w*Random|BitSet|Hash(Map|Set|table)|LinkedHash(Map|Set)|Tree(Map|Set)|ArrayList|LinkedList|"
            + "Vector|Stack|Properties|IdentityHashMap|WeakHashMap|EnumMap|Concurrent\\w+|CopyOnWrite\\w+|\\w*Queue|"
            + "\\w*Deque|\\w*Executor\\w*|Date|Calendar|\\w*Cache\\w*");
    static final Pattern COLLECTION = Pattern.compile("List|Set|Map|Collection|Iterable|Sorted(Set|Map)|Navigable(Set|Map)");
    static final Pattern UNMODIFIABLE = Pattern.compile("^((List|Set|Map)\\.(of|copyOf|ofEntries)\\(|Collections\\."
            + "(unmodifiable|empty|singleton)).*|.*\\.toList\\(\\)$", Pattern.DOTALL);
    static final Pattern MUTABLE_CREATION = Pattern.compile("(?s).*(\\bnew\\s+[\\w.]*(" + MUTABLE_JDK.pattern()
            + ")\\b|\\.newKeySet\\(|\\bnew\\s+[\\w.<>]+\\s*\\[).*");
    private static final Pattern NEW = Pattern.compile("^new\\s+([\\w.]+)");

    private StaticState() {
    }

    static List<String> findIn(Map<Path, JavaSource> sources) {
        List<Field> fields = new ArrayList<>();
        sources.values().forEach(source -> fields.addAll(source.fields()));
        Set<String> stateful = statefulTypes(fields);
        List<String> found = new ArrayList<>();
        sources.forEach((file, source) -> source.fields().stream().filter(Field::isStatic)
                .forEach(field -> problem(field, source, stateful).ifPresent(problem -> found.add(file.getFileName() + ": "
                        + field + " " + problem))));
        fields.stream().filter(field -> field.ownerKind().equals("enum") && stateful.contains(field.owner())).map(Field::owner)
                .distinct().forEach(owner -> found.add("enum " + owner + " holds state in its constants"));
        return found;
    }

    private static Optional<String> problem(Field field, JavaSource source, Set<String> stateful) {
        String init = outsideBlocks(field.initializer());
        if (!field.isFinal()) {
            return Optional.of("is static and not final");
        }
        if (field.type().contains("[")) {
            return Optional.of("is an array");
        }
        if (MUTABLE_JDK.matcher(field.rawType()).matches() || MUTABLE_CREATION.matcher(init).matches()
                && !UNMODIFIABLE.matcher(init).matches()) {
            return Optional.of("holds a mutable " + field.rawType());
        }
        if (COLLECTION.matcher(field.rawType()).matches() && !unmodifiable(init, source)) {
            return Optional.of("is a " + field.rawType() + " not built unmodifiable");
        }
        Matcher creation = NEW.matcher(init);
        String created = creation.lookingAt() ? simpleName(creation.group(1)) : "";
        if (stateful.contains(field.rawType()) || stateful.contains(created)) {
            return Optional.of("holds state (" + (stateful.contains(created) ? created : field.rawType()) + ")");
        }
        if (JavaSource.anonymousClassFields(field).map(inner -> inner.stream().anyMatch(StaticState::holdsState)).orElse(false)) {
            return Optional.of("is an anonymous class that holds state");
        }
        return Optional.empty();
    }

    private static boolean unmodifiable(String initializer, JavaSource source) {
        if (UNMODIFIABLE.matcher(initializer).matches()) {
            return true;
        }
        String call = initializer.replaceAll("\\s", "");
        return call.matches("\\w+\\(\\)") && source.returnsOf(call.substring(0, call.length() - 2))
                .filter(returns -> !returns.isEmpty() && returns.stream().allMatch(ret -> UNMODIFIABLE.matcher(ret).matches()))
                .isPresent();
    }

    /** The types of {@code src/main} whose instances hold state, directly or through a field of such a type. */
    private static Set<String> statefulTypes(List<Field> fields) {
        Set<String> stateful = new TreeSet<>();
        fields.stream().filter(field -> !field.isStatic() && holdsState(field)).forEach(field -> stateful.add(field.owner()));
        boolean grew = true;
        while (grew) {
            grew = fields.stream().filter(field -> !field.isStatic() && stateful.contains(field.rawType()))
                    .map(field -> stateful.add(field.owner())).reduce(false, Boolean::logicalOr);
        }
        return stateful;
    }

    private static boolean holdsState(Field field) {
        String init = outsideBlocks(field.initializer());
        return !field.isFinal() || field.type().contains("[") || MUTABLE_JDK.matcher(field.rawType()).matches()
                || MUTABLE_CREATION.matcher(init).matches();
    }

    /**
     * The initializer without the bodies of its lambdas and anonymous classes: what they create, they create per call
     * (an anonymous class's own fields are looked at separately).
     */
    private static String outsideBlocks(String initializer) {
        if (initializer == null) {
            return "";
        }
        StringBuilder outside = new StringBuilder();
        int depth = 0;
        for (char c : initializer.toCharArray()) {
            depth += c == '{' ? 1 : 0;
            if (depth == 0) {
                outside.append(c);
            }
            depth -= c == '}' ? 1 : 0;
        }
        return outside.toString().trim();
    }

    private static String simpleName(String name) {
        return name.substring(name.lastIndexOf('.') + 1);
    }
}
