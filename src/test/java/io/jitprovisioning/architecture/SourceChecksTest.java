package io.jitprovisioning.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The source checks of {@link ArchitectureTest} catch what they are meant to, on made-up sources. */
class SourceChecksTest {

    private static List<String> staticState(String... sources) {
        Map<Path, JavaSource> files = new LinkedHashMap<>();
        for (int i = 0; i < sources.length; i++) {
            files.put(Path.of("F" + i + ".java"), new JavaSource(sources[i]));
        }
        return StaticState.findIn(files);
    }

    @Nested
    @DisplayName("given static fields")
    class StaticFields {

        @Test
        void aStaticFieldThatIsNotFinalIsReported() {
            assertThat(staticState("class A { private static int count; static volatile String last = \"x\"; }"))
                    .containsExactly("F0.java: A.count is static and not final", "F0.java: A.last is static and not final");
        }

        @Test
        void arraysAtomicsAndModifiableCollectionsAreReported() {
            assertThat(staticState("""
                    class A {
                        static final String[] NAMES = {"a"};
                        private static final AtomicBoolean WARNED = new AtomicBoolean();
                        static final Map<String, String> CACHE = new ConcurrentHashMap<>();
                        static final List<String> BUILT = build();
                        static final Set<String> KEYS = ConcurrentHashMap.newKeySet();
                        static List<String> build() { return new ArrayList<>(); }
                    }"""))
                    .containsExactly("F0.java: A.NAMES is an array", "F0.java: A.WARNED holds a mutable AtomicBoolean",
                            "F0.java: A.CACHE holds a mutable Map", "F0.java: A.BUILT is a List not built unmodifiable",
                            "F0.java: A.KEYS holds a mutable Set");
        }

        @Test
        void aFieldOfAClassThatHoldsStateIsReportedThroughAnyNumberOfOwners() {
            assertThat(staticState("""
                    final class Index {
                        private static final Index NODE = new Index(new Snapshots());
                        private static final Owner OWNER = new Owner();
                        private final Snapshots snapshots;
                        Index(Snapshots snapshots) { this.snapshots = snapshots; }
                    }""", """
                    final class Snapshots { private final Map<String, Object> slots = new ConcurrentHashMap<>(); }""", """
                    final class Owner { private final Index index = new Index(new Snapshots()); }"""))
                    .containsExactly("F0.java: Index.NODE holds state (Index)", "F0.java: Index.OWNER holds state (Owner)");
        }

        @Test
        void anAnonymousClassOrAnEnumWithAMutableFieldIsReported() {
            assertThat(staticState("""
                    class A {
                        static final Runnable TASK = new Runnable() { private int runs; public void run() { runs++; } };
                        enum Mode { ON, OFF; private boolean seen; }
                    }"""))
                    .containsExactly("F0.java: A.TASK is an anonymous class that holds state", "enum Mode holds state in its constants");
        }

        @Test
        void constantsUnmodifiableCollectionsAndStatelessSingletonsPass() {
            assertThat(staticState("""
                    final class A {
                        private static final Logger LOG = Logger.getLogger(A.class);
                        static final List<String> NAMES = List.of("a", "b");
                        static final Map<String, List<String>> BY_NAME = Map.copyOf(new HashMap<>());
                        static final List<String> DERIVED = NAMES.stream().map(String::trim).toList();
                        static final List<String> FROM_METHOD = names();
                        static final Format TEXT = new Format() { public String read(String s) { return new StringBuilder(s).toString(); } };
                        private static final A SINGLETON = new A();
                        static final Point ORIGIN = new Point(0, 0);
                        static final String TEXT_WITH_FIELD_SYNTAX = "static int x;";
                        // static int inAComment;
                        private final String name = "a";
                        static List<String> names() { if (NAMES.isEmpty()) { return List.of(); } return List.copyOf(NAMES); }
                        record Point(int x, int y) { }
                    }"""))
                    .isEmpty();
        }
    }

    @Nested
    @DisplayName("given names written out in full")
    class QualifiedNames {

        @Test
        void aQualifiedNameOutsideImportsNamesItsPackage() {
            JavaSource source = new JavaSource("""
                    package io.jitprovisioning.roles;
                    import io.jitprovisioning.config.JitSettings;
                    class A {
                        String id = io.jitprovisioning.ProviderIds.MAPPER;
                        Object login = new io.jitprovisioning.login.BrokeredLogin(null);
                        // io.jitprovisioning.admin.InAComment
                        String text = "io.jitprovisioning.sync.InAString";
                    }""");

            assertThat(source.qualifiedPackages()).containsExactlyInAnyOrder("", "login");
        }
    }
}
