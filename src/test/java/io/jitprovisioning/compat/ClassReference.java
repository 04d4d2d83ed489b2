package io.jitprovisioning.compat;

/**
 * One symbolic reference in a class file's constant pool: a class, or a field or method of {@code owner} with its
 * JVM descriptor. Names use the class file's form ({@code org/keycloak/models/RealmModel}).
 */
public record ClassReference(Kind kind, String owner, String name, String descriptor) {

    public enum Kind { CLASS, FIELD, METHOD, INTERFACE_METHOD }

    public static ClassReference toClass(String owner) {
        return new ClassReference(Kind.CLASS, owner, null, null);
    }

    @Override
    public String toString() {
        String type = owner.replace('/', '.');
        return kind == Kind.CLASS ? type : type + "." + name + (kind == Kind.FIELD ? ":" : "") + descriptor;
    }
}
