package io.jitprovisioning.saml;

import static io.jitprovisioning.saml.RealResponses.attributes;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.keycloak.dom.saml.v2.assertion.AssertionType;

import io.jitprovisioning.saml.RealResponses.Row;

/** SAML attributes as real identity providers send them, read the way the mapper reads them. */
class SamlAttributesRealResponsesTest {

    /** INDEX.tsv counts every AttributeValue element; Keycloak's parser leaves out those with xsi:nil="true". */
    private static final Map<String, Integer> VALUES_AFTER_NILS = Map.of(
            "attribute_with_nil_value", 0, "attribute_with_nils_and_empty_strings", 2);

    @Test
    void theIndexListsEveryFile() throws IOException {
        try (Stream<Path> files = Files.list(RealResponses.folder())) {
            List<String> xmlFiles = files.map(path -> path.getFileName().toString()).filter(name -> name.endsWith(".xml")).toList();

            assertThat(RealResponses.index()).extracting(Row::file).containsExactlyInAnyOrderElementsOf(xmlFiles);
        }
    }

    @TestFactory
    Stream<DynamicTest> everyFileHoldsTheAttributesItsIndexLists() {
        return RealResponses.index().stream().map(row -> DynamicTest.dynamicTest(row.file(), () -> {
            AssertionType assertion = RealResponses.assertion(row.file());
            List<String> found = SamlAttributes.from(assertion).all().stream()
                    .map(attribute -> describe(attribute.name(), attribute.friendlyName(), attribute.values().size()))
                    .toList();
            List<String> listed = row.attributes().stream()
                    .map(entry -> describe(entry.name(), entry.friendlyName(),
                            VALUES_AFTER_NILS.getOrDefault(entry.name(), entry.values())))
                    .toList();

            assertThat(assertion.getAttributeStatements()).as("attribute statements").hasSize(row.statements());
            // Any order here: the order across statements has its own test below.
            assertThat(found).as("name(friendlyName)[values]").containsExactlyInAnyOrderElementsOf(listed);
        }));
    }

    private static String describe(String name, String friendlyName, int values) {
        return name + "(" + Objects.requireNonNullElse(friendlyName, "") + ")[" + values + "]";
    }

    @Nested
    @DisplayName("given multi-valued attributes")
    class MultiValued {

        @Test
        void allValuesOfOneElementAreKeptInOrder() {
            assertThat(attributes("SAML-Toolkits_python3-saml__valid_response.xml").values("eduPersonAffiliation"))
                    .containsExactly("user", "admin");
            assertThat(attributes("IdentityPython_pysaml2__saml_unsigned.xml").values("eduPersonAffiliation"))
                    .containsExactly("member", "student");
        }

        @Test
        void aRoleSplitOverTwoElementsAddsUp() {
            assertThat(attributes("SAML-Toolkits_ruby-saml__response_with_multiple_attribute_values.xml").values("role"))
                    .containsExactly("role1", "role2", "role3");
        }

        @Test
        void rolesFromTwoAttributeStatementsAddUp() {
            SamlAttributes attributes = attributes("SAML-Toolkits_ruby-saml__response_with_multiple_attribute_statements.xml");

            assertThat(attributes.values("role")).containsExactlyInAnyOrder("role1", "role2", "role3");
            assertThat(attributes.values("surname")).containsExactly("smith");
            assertThat(attributes.values("firstname")).containsExactly("bob");
        }

        @Test
        void valuesFromTwoAttributeStatementsKeepDocumentOrder() {
            // Each parse makes new statement objects; their order must not depend on identity hash codes.
            for (int parse = 1; parse <= 16; parse++) {
                assertThat(attributes("SAML-Toolkits_ruby-saml__response_with_multiple_attribute_statements.xml").values("role"))
                        .as("parse %d", parse).containsExactly("role1", "role2", "role3");
            }
        }
    }

    @Nested
    @DisplayName("given attribute names of several kinds")
    class Names {

        @Test
        void friendlyNameFindsTheAttributeAsWellAsItsName() {
            SamlAttributes attributes = attributes("SAML-Toolkits_python3-saml__response1_with_friendlyname.xml");

            assertThat(attributes.values("username")).containsExactly("demo");
            assertThat(attributes.values("uid")).containsExactly("demo");
            assertThat(attributes.isPresent("Username")).isFalse();
        }

        @Test
        void oidAndClaimUriNamesAreMatchedWhole() {
            assertThat(attributes("SAML-Toolkits_ruby-saml__response_with_signed_assertion_2.xml").values("urn:oid:2.5.4.42"))
                    .containsExactly("Kyle");
            assertThat(attributes("auth0_passport-wsfed-saml2__office365_azuread_assertion.xml")
                    .values("http://schemas.xmlsoap.org/ws/2005/05/identity/claims/givenname")).containsExactly("Matias");
            assertThat(attributes("crewjam_saml__TestParseXMLArtifactResponse_assertion.xml").values("role"))
                    .containsExactly("manager@samltest.id");
        }

        @Test
        void namesAreMatchedWithTheirCase() {
            assertThat(attributes("peer-run__saml-idp_idp_initiated_response.xml").values("Role")).isEmpty();
            SamlAttributes feide = attributes("IdentityPython_pysaml2__simplesamlphp_authnresponse.xml");
            assertThat(feide.values("edupersonaffiliation")).containsExactly("employee");
            assertThat(feide.values("eduPersonAffiliation")).isEmpty();
        }
    }

    @Nested
    @DisplayName("given attributes without usable values")
    class Empty {

        @Test
        void anAttributeWithNoValueIsPresentButEmpty() {
            SamlAttributes attributes = attributes("node-saml_node-saml__response-with-uncomplete-attribute.xml");

            assertThat(attributes.isPresent("evilcorp.roles")).isTrue();
            assertThat(attributes.values("evilcorp.roles")).isEmpty();
            assertThat(attributes.values("evilcorp.givenname")).containsExactly("Vincent");
        }

        @Test
        void nilValuesAreDroppedAndEmptyStringsKept() {
            SamlAttributes attributes = attributes("SAML-Toolkits_ruby-saml__response_with_multiple_attribute_values.xml");

            assertThat(attributes.isPresent("attribute_with_nil_value")).isTrue();
            assertThat(attributes.values("attribute_with_nil_value")).isEmpty();
            assertThat(attributes.values("attribute_with_nils_and_empty_strings")).containsExactly("", "valuePresent");
        }

        @Test
        void anAssertionWithoutAttributeStatementHasNoAttributes() {
            assertThat(attributes("crewjam_saml__TestSPRealWorldAssertionSignedNotResponse_response.xml").all()).isEmpty();
        }
    }
}
