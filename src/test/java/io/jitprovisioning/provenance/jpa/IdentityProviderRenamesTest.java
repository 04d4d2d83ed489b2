package io.jitprovisioning.provenance.jpa;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

class IdentityProviderRenamesTest {

    @Test
    void theOneAliasLeftOverIsTheOldName() {
        assertThat(IdentityProviderRenames.renamedFrom("okta-eu", Set.of("okta", "adfs"), Set.of("okta", "adfs"), List.of("okta-eu", "adfs")))
                .contains("okta");
    }

    @Test
    void aJitMapperAloneIsEvidence() {
        assertThat(IdentityProviderRenames.renamedFrom("okta-eu", Set.of(), Set.of("okta"), List.of("okta-eu"))).contains("okta");
    }

    @Test
    void grantsAloneAreEvidence() {
        assertThat(IdentityProviderRenames.renamedFrom("okta-eu", Set.of("okta"), Set.of(), List.of("okta-eu"))).contains("okta");
    }

    @Test
    void anUpdateThatRenamesNothingMovesNothing() {
        assertThat(IdentityProviderRenames.renamedFrom("okta", Set.of("okta"), Set.of("okta"), List.of("okta"))).isEmpty();
        assertThat(IdentityProviderRenames.renamedFrom("fresh", Set.of("okta"), Set.of("okta"), List.of("okta", "fresh"))).isEmpty();
    }

    @Test
    void aNewAliasWithGrantsOrAJitMapperOfItsOwnIsNoRenameTarget() {
        assertThat(IdentityProviderRenames.renamedFrom("adfs", Set.of("okta", "adfs"), Set.of("okta"), List.of("adfs"))).isEmpty();
        assertThat(IdentityProviderRenames.renamedFrom("adfs", Set.of("okta"), Set.of("okta", "adfs"), List.of("adfs"))).isEmpty();
    }

    @Test
    void twoAliasesLeftOverAreNotGuessedBetween() {
        assertThat(IdentityProviderRenames.renamedFrom("new", Set.of("a", "b"), Set.of(), List.of("new"))).isEmpty();
    }

    @Test
    void aliasesAreComparedExactly() {
        assertThat(IdentityProviderRenames.renamedFrom("Okta", Set.of("okta"), Set.of("okta"), List.of("Okta")))
                .as("Keycloak's aliases are case-sensitive: okta was renamed to Okta").contains("okta");
    }
}
