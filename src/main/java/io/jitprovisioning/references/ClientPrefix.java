package io.jitprovisioning.references;

import java.util.function.Predicate;

/** Which client a role name such as {@code my-app.editor} belongs to, by the role rules of the sign-in. */
final class ClientPrefix {

    /** As many prefixes as the sign-in's role lookup tries ({@code IndexedRoleLookup}): beyond, a name is a realm role's. */
    static final int MAX_CLIENT_LOOKUPS = 10;

    private ClientPrefix() {
    }

    /**
     * The clientId that decides what {@code name} names: the longest prefix before a dot that is a clientId
     * (clientIds may hold dots themselves); null when none is, and the name is a realm role's.
     */
    static String of(String name, Predicate<String> isClientId) {
        int dot = name.lastIndexOf('.');
        for (int lookups = 0; dot > 0 && lookups < MAX_CLIENT_LOOKUPS; lookups++) {
            String prefix = name.substring(0, dot);
            if (isClientId.test(prefix)) {
                return prefix;
            }
            dot = name.lastIndexOf('.', dot - 1);
        }
        return null;
    }
}
