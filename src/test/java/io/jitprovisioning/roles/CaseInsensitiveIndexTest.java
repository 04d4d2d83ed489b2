package io.jitprovisioning.roles;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class CaseInsensitiveIndexTest {

    private static CaseInsensitiveIndex<String> index(String... names) {
        CaseInsensitiveIndex.Builder<String> builder = CaseInsensitiveIndex.names();
        for (String name : names) {
            builder.add(name);
        }
        return builder.build();
    }

    @Nested
    @DisplayName("given names that differ from the value only in case")
    class Matching {

        @Test
        void aNameIsFoundInAnyCase() {
            CaseInsensitiveIndex<String> index = index("Sales", "support", "ENGINEERING");

            assertThat(index.matching("sales")).containsExactly("Sales");
            assertThat(index.matching("SUPPORT")).containsExactly("support");
            assertThat(index.matching("Engineering")).containsExactly("ENGINEERING");
            assertThat(index.size()).isEqualTo(3);
        }

        @Test
        void theExactNameComesFirstThenTheOthersInNameOrder() {
            CaseInsensitiveIndex<String> index = index("admin", "Admin", "ADMIN", "aDmin");

            assertThat(index.matching("Admin")).containsExactly("Admin", "ADMIN", "aDmin", "admin");
            assertThat(index.matching("AdMiN")).containsExactly("ADMIN", "Admin", "aDmin", "admin");
        }

        @Test
        void otherNamesAreNotFound() {
            CaseInsensitiveIndex<String> index = index("sales", "sales-eu");

            assertThat(index.matching("sale")).isEmpty();
            assertThat(index.matching("sales ")).isEmpty();
            assertThat(index.matching("")).isEmpty();
            assertThat(CaseInsensitiveIndex.<String>empty().matching("sales")).isEmpty();
        }

        @Test
        void entriesCarryMoreThanTheirName() {
            record Group(String id, String name) {
            }
            CaseInsensitiveIndex<Group> index = CaseInsensitiveIndex.builder(Group::name)
                    .add(new Group("1", "Staff")).add(new Group("2", "staff")).add(new Group("3", "Other")).build();

            assertThat(index.matching("STAFF")).extracting(Group::id).containsExactly("1", "2");
            assertThat(index.matching("staff")).extracting(Group::id).containsExactly("2", "1");
        }
    }

    @Nested
    @DisplayName("given characters beyond ASCII")
    class Unicode {

        @Test
        void matchesExactlyWhenEqualsIgnoreCaseDoes() {
            CaseInsensitiveIndex<String> index = index("İstanbul", "Straße", "ΣΟΦΙΑ", "Ǆemal");

            assertThat("İstanbul".equalsIgnoreCase("istanbul")).isTrue();
            assertThat(index.matching("istanbul")).containsExactly("İstanbul");
            assertThat(index.matching("STRASSE")).isEmpty();
            assertThat(index.matching("straße")).containsExactly("Straße");
            assertThat(index.matching("σοφια")).containsExactly("ΣΟΦΙΑ");
            assertThat(index.matching("ǅemal")).containsExactly("Ǆemal");
        }

        @Test
        void twoCharactersShareAKeyExactlyWhenEqualsIgnoreCaseHoldsForThem() {
            Map<String, List<Character>> byKey = new HashMap<>();
            for (int c = 0; c <= Character.MAX_VALUE; c++) {
                if (Character.isSurrogate((char) c)) {
                    continue;
                }
                byKey.computeIfAbsent(CaseInsensitiveIndex.fold(String.valueOf((char) c)), k -> new ArrayList<>()).add((char) c);
            }
            List<String> broken = new ArrayList<>();
            byKey.values().forEach(group -> {
                for (char a : group) {
                    for (char b : group) {
                        if (!String.valueOf(a).equalsIgnoreCase(String.valueOf(b))) {
                            broken.add(a + "/" + b);
                        }
                    }
                }
            });
            assertThat(broken).isEmpty();
            // And the other way round: equalsIgnoreCase compares upper case, then lower case of the upper case.
            for (int c = 0; c <= Character.MAX_VALUE; c++) {
                char a = (char) c;
                for (char b : new char[]{Character.toUpperCase(a), Character.toLowerCase(a), Character.toTitleCase(a)}) {
                    if (!Character.isSurrogate(a) && String.valueOf(a).equalsIgnoreCase(String.valueOf(b))) {
                        assertThat(CaseInsensitiveIndex.fold(String.valueOf(a))).isEqualTo(CaseInsensitiveIndex.fold(String.valueOf(b)));
                    }
                }
            }
        }

        @Test
        void supplementaryCharactersFoldByCodePoint() {
            String upper = new String(Character.toChars(0x10400)); // DESERET CAPITAL LETTER LONG I
            String lower = new String(Character.toChars(0x10428));
            CaseInsensitiveIndex<String> index = index("x" + upper);

            assertThat(("x" + upper).equalsIgnoreCase("x" + lower)).isTrue();
            assertThat(index.matching("X" + lower)).containsExactly("x" + upper);
        }

        @Test
        void asciiLowerCaseNamesAreTheirOwnKey() {
            String name = "already-lower-case.role_1";

            assertThat(CaseInsensitiveIndex.fold(name)).isSameAs(name);
            assertThat(CaseInsensitiveIndex.fold("Mixed")).isEqualTo("mixed");
        }
    }
}
