package io.jitprovisioning.admission;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** How far an identity provider is trusted for the email it asserts, as a table. */
class EmailTrustTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            // case                                                | trust | org   | own   | other | usable | verified | claimed
            "org IdP, its own verified domain                      | false | true  | true  | false | true   | false    | false",
            "org IdP with Trust email, its own verified domain     | true  | true  | true  | false | true   | true     | false",
            "org IdP, outside every organization's domain          | true  | true  | false | false | false  | false    | false",
            "org IdP, another organization's domain                | true  | true  | false | true  | false  | false    | true",
            "disabled org's IdP, its own domain (not 'own' then)   | true  | true  | false | false | false  | false    | false",
            "no organization, no Trust email, free domain          | false | false | false | false | true   | false    | false",
            "no organization, no Trust email, an org's domain      | false | false | false | true  | false  | false    | true",
            "no organization, Trust email, an org's domain         | true  | false | false | true  | true   | true     | false",
            "no organization, Trust email, free domain             | true  | false | false | false | true   | true     | false"})
    void trust(String description, boolean trustEmail, boolean idpOfOrganization, boolean inOwnDomain, boolean inAnothersDomain,
               boolean usable, boolean verified, boolean claimed) {
        EmailTrust trust = EmailTrust.of("p@x.test", trustEmail, idpOfOrganization, inOwnDomain, inAnothersDomain);

        assertThat(trust.usable()).as("usable").isEqualTo(usable);
        assertThat(trust.verified()).as("verified").isEqualTo(verified);
        assertThat(trust.claimedByAnotherOrganization()).as("claimed by another organization").isEqualTo(claimed);
        assertThat(trust.inVerifiedOrganizationDomain()).as("vouches as the organization's domain").isEqualTo(inOwnDomain);
    }
}
