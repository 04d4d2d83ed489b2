package io.jitprovisioning.metadata;

import static io.jitprovisioning.metadata.Issues.errors;
import static io.jitprovisioning.metadata.Issues.warnings;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.IntStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import io.jitprovisioning.problem.ProblemCode;

@DisplayName("MetadataValidator given an EntitiesDescriptor")
class MetadataAggregateTest {
    private static final String FOO = "https://foo.example.test/idp";
    private static final String BAR = "https://bar.example.test/idp";
    private static final String SP = "https://app.example.test/sp";

    private final MetadataValidator validator = new MetadataValidator(TestCertificates.NOW);

    private static String idp(String entityId) {
        return IdpXml.valid().entityId(entityId).element();
    }

    private static String sp() {
        return IdpXml.valid().entityId(SP).serviceProvider().element();
    }

    @Test
    void withOneIdpUsesItAndWarns() {
        MetadataReport report = validator.validate(IdpXml.aggregate("", sp(), idp(FOO)), null);
        assertThat(report.valid()).isTrue();
        assertThat(report.entityId()).isEqualTo(FOO);
        assertThat(warnings(report)).containsExactly(ProblemCode.AGGREGATE_SINGLE_IDP);
    }

    @Test
    void withOneIdpInANestedAggregateFindsIt() {
        String nested = new String(IdpXml.aggregate("Name=\"inner\"", idp(FOO)), java.nio.charset.StandardCharsets.UTF_8);
        MetadataReport report = validator.validate(IdpXml.aggregate("", sp(), nested), null);
        assertThat(report.entityId()).isEqualTo(FOO);
        assertThat(report.valid()).isTrue();
    }

    @Test
    void withSeveralIdpsAndNoChoiceListsThem() {
        MetadataReport report = validator.validate(IdpXml.aggregate("", idp(FOO), sp(), idp(BAR)), null);
        assertThat(errors(report)).containsExactly(ProblemCode.MULTIPLE_IDPS);
        assertThat(report.errors().get(0).message()).contains(FOO, BAR).doesNotContain(SP);
        assertThat(report.entityId()).isNull();
    }

    @Test
    void withManyIdpsListsAtMostTen() {
        String[] idps = IntStream.range(0, 12).mapToObj(i -> idp("https://idp" + i + ".example.test/")).toArray(String[]::new);
        String message = validator.validate(IdpXml.aggregate("", idps), null).errors().get(0).message();
        assertThat(message).contains("idp9.example", "2 more").doesNotContain("idp10.example", "idp11.example");
    }

    @Test
    void withSeveralIdpsUsesTheChosenOneWithoutWarning() {
        MetadataReport report = validator.validate(IdpXml.aggregate("", idp(FOO), idp(BAR)), BAR);
        assertThat(report.valid()).isTrue();
        assertThat(report.entityId()).isEqualTo(BAR);
        assertThat(report.warnings()).isEmpty();
    }

    @Test
    void withAChoiceThatMatchesNoIdpNamesTheAvailableOnes() {
        MetadataReport report = validator.validate(IdpXml.aggregate("", idp(FOO), sp(), idp(BAR)), SP);
        assertThat(errors(report)).containsExactly(ProblemCode.MISSING_IDP_SSO_DESCRIPTOR);
        assertThat(report.errors().get(0).message()).contains(FOO, BAR);
    }

    @Test
    void withoutIdpIsMissingTheIdpDescriptor() {
        assertThat(errors(validator.validate(IdpXml.aggregate("", sp()), null)))
                .containsExactly(ProblemCode.MISSING_IDP_SSO_DESCRIPTOR);
    }

    @Test
    void ignoresEntityDescriptorsOutsideTheAggregateStructure() {
        String hidden = "<md:Extensions>" + idp(BAR) + "</md:Extensions>";
        MetadataReport report = validator.validate(IdpXml.aggregate("", hidden, idp(FOO)), null);
        assertThat(report.entityId()).isEqualTo(FOO);
        assertThat(warnings(report)).containsExactly(ProblemCode.AGGREGATE_SINGLE_IDP);
    }

    @Test
    void withAPastValidUntilWarnsThatTheMetadataExpired() {
        MetadataReport report = validator.validate(IdpXml.aggregate("validUntil=\"2014-04-17T18:02:33.910Z\"",
                idp(FOO)), null);
        assertThat(report.valid()).isTrue();
        assertThat(warnings(report)).containsExactlyInAnyOrder(ProblemCode.AGGREGATE_SINGLE_IDP, ProblemCode.METADATA_EXPIRED);
    }
}
