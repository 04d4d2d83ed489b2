package io.jitprovisioning.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.keycloak.representations.idm.IdentityProviderMapperRepresentation;

import com.fasterxml.jackson.core.type.TypeReference;

import io.jitprovisioning.compat.KeycloakRelease;
import io.jitprovisioning.testsupport.AdminApi;
import io.jitprovisioning.testsupport.IdpPerson;
import io.jitprovisioning.testsupport.LoginResult;
import io.jitprovisioning.testsupport.SamlBrokerFixture;
import io.jitprovisioning.testsupport.SharedKeycloak;

/**
 * The extension's rows (what an identity provider granted, which identity an account was created for) are keyed by
 * the identity provider's alias: they go when the identity provider goes, and follow it when Keycloak renames it.
 */
@DisplayName("Provenance follows its identity provider: deleted with it, renamed with it")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProvenanceUpkeepIT {

    /** The first release that refuses to change an identity provider's alias. */
    private static final KeycloakRelease REFUSES_RENAMES = new KeycloakRelease(26, 7);

    SamlBrokerFixture fixture;
    AdminApi admin;

    @BeforeAll
    void setUp() {
        admin = SharedKeycloak.admin();
        fixture = ManagedRolesIT.fixture("upkeep", ManagedRolesIT.productPageMapping().build());
    }

    @AfterAll
    void tearDown() {
        fixture.delete();
    }

    private Map<String, Object> provenance(String userId) {
        return admin.get("/" + fixture.brokerRealm() + "/jit-provisioning/users/" + userId + "/provenance",
                new TypeReference<Map<String, Object>>() {
                });
    }

    private List<IdentityProviderMapperRepresentation> mappersOf(String alias) {
        return admin.get("/" + fixture.brokerRealm() + "/identity-provider/instances/" + alias + "/mappers",
                new TypeReference<List<IdentityProviderMapperRepresentation>>() {
                });
    }

    /** Signs a new person in through {@code alias} with role {@code developer}; returns their account's id. */
    private String signedInThrough(String alias, String username) {
        fixture.idpUser(username, IdpPerson.named(username, "Tester").email(username + "@example.org").roles("developer"));
        LoginResult login = fixture.loginThrough(alias, username);
        assertThat(login.isLoggedIn()).as("%s", login).isTrue();
        String id = fixture.brokerUser(username).getId();
        assertThat(provenance(id)).containsEntry("createdFor", alias).containsEntry("roles", Map.of(alias, List.of("developer")));
        return id;
    }

    @Test
    @DisplayName("deleting an identity provider deletes what it granted and the record of the accounts created for it")
    void deletedWithItsIdentityProvider() {
        fixture.addJitIdentityProvider("doomed", ManagedRolesIT.productPageMapping().build().toConfig());
        String id = signedInThrough("doomed", "dora");

        admin.delete("/" + fixture.brokerRealm() + "/identity-provider/instances/doomed").expect(204);

        Map<String, Object> after = provenance(id);
        assertThat(after.get("createdFor")).as("JIT_PROVISIONING row").isNull();
        assertThat(after.get("roles")).as("JIT_GRANT rows").isEqualTo(Map.of());
        assertThat(fixture.realmRolesOf(id)).as("the roles themselves are the administrators' now").containsExactly("developer");
    }

    @Test
    @DisplayName("renaming an identity provider: on 26.4 and 26.5 its grants, records and JIT mapper follow, and a later sign-in "
            + "still revokes what it granted; 26.7 refuses the rename and nothing of ours changes")
    void renamedWithItsIdentityProvider() {
        fixture.addJitIdentityProvider("before-rename", ManagedRolesIT.productPageMapping().build().toConfig());
        String id = signedInThrough("before-rename", "rene");
        String realmPath = "/" + fixture.brokerRealm() + "/identity-provider/instances/";
        Map<String, Object> idp = admin.get(realmPath + "before-rename", new TypeReference<Map<String, Object>>() {
        });
        idp.put("alias", "after-rename");

        AdminApi.Reply rename = admin.put(realmPath + "before-rename", idp);

        if (SharedKeycloak.release().compareTo(REFUSES_RENAMES) >= 0) {
            assertThat(rename.status()).as(rename.body()).isEqualTo(400);
            assertThat(admin.get(realmPath + "after-rename").status()).isEqualTo(404);
            assertThat(provenance(id)).containsEntry("createdFor", "before-rename")
                    .containsEntry("roles", Map.of("before-rename", List.of("developer")));
            assertThat(mappersOf("before-rename")).extracting(IdentityProviderMapperRepresentation::getIdentityProviderMapper)
                    .containsExactly("jit-provisioning-idp-mapper");
            return;
        }
        assertThat(rename.status()).as(rename.body()).isEqualTo(204);
        assertThat(provenance(id)).containsEntry("createdFor", "after-rename")
                .containsEntry("roles", Map.of("after-rename", List.of("developer")));
        assertThat(mappersOf("after-rename")).as("the JIT mapper follows; Keycloak leaves mappers under the old alias")
                .extracting(IdentityProviderMapperRepresentation::getIdentityProviderMapper)
                .containsExactly("jit-provisioning-idp-mapper");

        pointIdpClientAt("before-rename", "after-rename");
        fixture.idpUser("rene", IdpPerson.named("rene", "Tester").email("rene@example.org").roles("tester"));
        LoginResult later = fixture.loginThrough("after-rename", "rene");

        assertThat(later.isLoggedIn()).as("%s", later).isTrue();
        assertThat(fixture.brokerUser("rene").getId()).as("the same account").isEqualTo(id);
        assertThat(fixture.realmRolesOf(id)).as("developer, granted under the old alias, is revoked").containsExactly("tester");
        assertThat(provenance(id)).containsEntry("roles", Map.of("after-rename", List.of("tester")));
    }

    /** The IdP realm's client for a renamed identity provider sends its responses to the broker's new endpoint. */
    private void pointIdpClientAt(String oldAlias, String newAlias) {
        String idpRealm = "/" + fixture.idpRealm();
        Map<String, Object> client = admin.get(idpRealm + "/clients?clientId=" + AdminApi.encode(fixture.brokerEntityId() + "/" + oldAlias),
                new TypeReference<List<Map<String, Object>>>() {
                }).get(0);
        String acs = fixture.brokerEntityId() + "/broker/" + newAlias + "/endpoint";
        client.put("redirectUris", List.of(acs));
        @SuppressWarnings("unchecked")
        Map<String, Object> attributes = (Map<String, Object>) client.get("attributes");
        attributes.put("saml_assertion_consumer_url_post", acs);
        admin.put(idpRealm + "/clients/" + client.get("id"), client).expect(204);
    }
}
