package io.jitprovisioning.compat;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the references a class file makes (JVMS 4.4): what the JVM resolves, lazily, the first time a code path
 * runs. A reference the running Keycloak cannot resolve is a {@code NoSuchMethodError} in the middle of a request.
 */
public final class ConstantPool {

    private static final int UTF8 = 1;
    private static final int CLASS = 7;
    private static final int FIELD = 9;
    private static final int METHOD = 10;
    private static final int INTERFACE_METHOD = 11;
    private static final int NAME_AND_TYPE = 12;

    private ConstantPool() {
    }

    public static List<ClassReference> references(byte[] classFile) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(classFile))) {
            if (in.readInt() != 0xCAFEBABE) {
                throw new IllegalArgumentException("not a class file");
            }
            in.readUnsignedShort(); // minor version
            in.readUnsignedShort(); // major version
            int count = in.readUnsignedShort();
            int[] tags = new int[count];
            String[] utf8 = new String[count];
            int[] first = new int[count];
            int[] second = new int[count];
            for (int index = 1; index < count; index++) {
                int tag = in.readUnsignedByte();
                tags[index] = tag;
                switch (tag) {
                    case UTF8 -> utf8[index] = in.readUTF();
                    case CLASS, 8, 16, 19, 20 -> first[index] = in.readUnsignedShort(); // Class, String, MethodType, Module, Package
                    case FIELD, METHOD, INTERFACE_METHOD, NAME_AND_TYPE, 17, 18 -> { // ... Dynamic, InvokeDynamic
                        first[index] = in.readUnsignedShort();
                        second[index] = in.readUnsignedShort();
                    }
                    case 3, 4 -> in.readInt(); // Integer, Float
                    case 5, 6 -> { // Long, Double take two entries
                        in.readLong();
                        index++;
                    }
                    case 15 -> { // MethodHandle: kind, then a reference entry read on its own
                        in.readUnsignedByte();
                        in.readUnsignedShort();
                    }
                    default -> throw new IllegalArgumentException("unknown constant pool tag " + tag + " at " + index);
                }
            }
            List<ClassReference> references = new ArrayList<>();
            for (int index = 1; index < count; index++) {
                switch (tags[index]) {
                    case CLASS -> references.add(ClassReference.toClass(utf8[first[index]]));
                    case FIELD, METHOD, INTERFACE_METHOD -> {
                        int nameAndType = second[index];
                        references.add(new ClassReference(kind(tags[index]), utf8[first[first[index]]],
                                utf8[first[nameAndType]], utf8[second[nameAndType]]));
                    }
                    default -> {
                    }
                }
            }
            return references;
        } catch (IOException e) {
            throw new IllegalArgumentException("truncated class file", e);
        }
    }

    private static ClassReference.Kind kind(int tag) {
        return switch (tag) {
            case FIELD -> ClassReference.Kind.FIELD;
            case METHOD -> ClassReference.Kind.METHOD;
            default -> ClassReference.Kind.INTERFACE_METHOD;
        };
    }
}
