package io.jitprovisioning.roles;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Names looked up ignoring case in one hash lookup, whatever their number: entries keyed by their name folded the
 * way {@link String#equalsIgnoreCase} compares, so that "Sales", "SALES" and "sales" share a key. Immutable.
 *
 * <p>It is generic so that more than role names can use it: a role index holds the exact names, a group index
 * would hold entries carrying the group's id and path.
 *
 * @param <V> an entry; {@code nameOf} gives the name it is found by
 */
public final class CaseInsensitiveIndex<V> {

    private static final CaseInsensitiveIndex<?> EMPTY = new CaseInsensitiveIndex<>(Map.of(), n -> "", 0);

    /** One entry (most names) or an {@code Object[]} of entries whose names differ only in case. */
    private final Map<String, Object> byFoldedName;
    private final Function<V, String> nameOf;
    private final int size;

    private CaseInsensitiveIndex(Map<String, Object> byFoldedName, Function<V, String> nameOf, int size) {
        this.byFoldedName = byFoldedName;
        this.nameOf = nameOf;
        this.size = size;
    }

    @SuppressWarnings("unchecked")
    public static <V> CaseInsensitiveIndex<V> empty() {
        return (CaseInsensitiveIndex<V>) EMPTY;
    }

    public static <V> Builder<V> builder(Function<V, String> nameOf) {
        return new Builder<>(nameOf);
    }

    /** An index of plain names, such as role names. */
    public static Builder<String> names() {
        return new Builder<>(Function.identity());
    }

    /**
     * Entries whose name equals {@code name} ignoring case: the one with exactly that name first, the others in
     * the order of their names ({@link String#compareTo}), so that a choice among them is the same on every node.
     */
    @SuppressWarnings("unchecked")
    public List<V> matching(String name) {
        Object found = byFoldedName.get(fold(name));
        if (found == null) {
            return List.of();
        }
        if (!(found instanceof Object[] several)) {
            V entry = (V) found;
            return nameOf.apply(entry).equalsIgnoreCase(name) ? List.of(entry) : List.of();
        }
        List<V> matches = new ArrayList<>(several.length);
        for (Object candidate : several) {
            V entry = (V) candidate;
            String entryName = nameOf.apply(entry);
            if (entryName.equals(name)) {
                matches.add(0, entry);
            } else if (entryName.equalsIgnoreCase(name)) {
                matches.add(entry);
            }
        }
        return matches;
    }

    public boolean isEmpty() {
        return size == 0;
    }

    /** Number of entries. */
    public int size() {
        return size;
    }

    /**
     * The key two names share exactly when {@link String#equalsIgnoreCase} holds for them: each code point upper-
     * then lower-cased, which is how that method compares characters. {@code String.toLowerCase} would not do:
     * it turns 'İ' into two characters, while {@code "İ".equalsIgnoreCase("i")} holds.
     */
    static String fold(String name) {
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c >= 0x80 || c >= 'A' && c <= 'Z') {
                return foldFrom(name, i);
            }
        }
        return name;
    }

    private static String foldFrom(String name, int start) {
        StringBuilder folded = new StringBuilder(name.length()).append(name, 0, start);
        for (int i = start; i < name.length(); ) {
            int codePoint = name.codePointAt(i);
            folded.appendCodePoint(Character.toLowerCase(Character.toUpperCase(codePoint)));
            i += Character.charCount(codePoint);
        }
        return folded.toString();
    }

    /** Collects entries; not thread-safe. */
    public static final class Builder<V> {

        private final Function<V, String> nameOf;
        private Map<String, Object> byFoldedName = new HashMap<>();
        private int size;

        private Builder(Function<V, String> nameOf) {
            this.nameOf = nameOf;
        }

        public Builder<V> add(V entry) {
            String name = nameOf.apply(entry);
            if (name == null) {
                return this;
            }
            String key = fold(name);
            // Most names are already lower case: share the string instead of keeping a second copy.
            if (key.equals(name)) {
                key = name;
            }
            Object present = byFoldedName.get(key);
            if (present == null) {
                byFoldedName.put(key, entry);
            } else if (present instanceof Object[] several) {
                Object[] more = Arrays.copyOf(several, several.length + 1);
                more[several.length] = entry;
                byFoldedName.put(key, more);
            } else {
                byFoldedName.put(key, new Object[]{present, entry});
            }
            size++;
            return this;
        }

        public int size() {
            return size;
        }

        /** The index; the builder cannot be used afterwards. */
        @SuppressWarnings("unchecked")
        public CaseInsensitiveIndex<V> build() {
            Map<String, Object> entries = byFoldedName;
            byFoldedName = null;
            if (size == 0) {
                return empty();
            }
            Comparator<Object> byName = Comparator.comparing(entry -> nameOf.apply((V) entry));
            entries.values().forEach(value -> {
                if (value instanceof Object[] several) {
                    Arrays.sort(several, byName);
                }
            });
            return new CaseInsensitiveIndex<>(entries, nameOf, size);
        }
    }
}
