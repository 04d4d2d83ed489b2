package io.jitprovisioning.admission;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.keycloak.models.FederatedIdentityModel;

import io.jitprovisioning.admission.AccountFacts.CreatedBy;
import io.jitprovisioning.admission.AccountFacts.LinkToThisIdp;
import io.jitprovisioning.admission.AccountFacts.Membership;
import io.jitprovisioning.admission.AccountFacts.PendingFor;
import io.jitprovisioning.admission.LinkRequest.Match;
import io.jitprovisioning.provenance.PendingLink;

/**
 * The linking rules' time windows, measured on a fixed clock as {@link AccountFactsReader} measures them on
 * Keycloak's: each is pinned to the millisecond, whatever the machine's speed. The durations are written out, not
 * read from the constants, so that a changed window fails here.
 */
class LinkWindowsTest {

    private static final long NOW = Instant.parse("2026-12-03T10:00:00Z").toEpochMilli();
    private static final Clock CLOCK = Clock.fixed(Instant.ofEpochMilli(NOW), ZoneOffset.UTC);
    private static final LinkRequest BY_EMAIL_UNVOUCHED = new LinkRequest(Match.EMAIL, true, false, false, false);
    private static final SigningIn ANN = new SigningIn("corp", "ann-at-corp", "ann", null, true);

    /** An account the JIT step created for the identity signing in, unlinked and credential-free, created {@code ago}. */
    private static LinkRule ruleFor(Duration ago, boolean hasSessions) {
        long age = AccountFactsReader.ageMillis(NOW - ago.toMillis(), CLOCK);
        AccountFacts facts = new AccountFacts(true, false, false, 0, LinkToThisIdp.NONE, false, Membership.NONE, false,
                hasSessions, age, CreatedBy.THIS_IDENTITY, PendingFor.NONE);
        return LinkRules.decide(BY_EMAIL_UNVOUCHED, facts);
    }

    @Nested
    @DisplayName("given an account the JIT step created for this identity, found unlinked")
    class CreatedForThisIdentity {

        @Test
        @DisplayName("for 3 s it is taken as being provisioned by a concurrent sign-in, even with a session")
        void threeSecondsOfProvisioning() {
            assertThat(ruleFor(Duration.ofMillis(2_999), true)).isEqualTo(LinkRule.BEING_PROVISIONED);
            assertThat(ruleFor(Duration.ofMillis(3_000), true)).isEqualTo(LinkRule.NOT_VOUCHED_FOR);
        }

        @Test
        @DisplayName("without a session, it is recovered as half-written for 5 minutes, then the rules alone decide")
        void fiveMinutesOfRecovery() {
            assertThat(ruleFor(Duration.ofMillis(3_000), false)).isEqualTo(LinkRule.HALF_WRITTEN_ACCOUNT);
            assertThat(ruleFor(Duration.ofMinutes(5).minusMillis(1), false)).isEqualTo(LinkRule.HALF_WRITTEN_ACCOUNT);
            assertThat(ruleFor(Duration.ofMinutes(5), false)).isEqualTo(LinkRule.NOT_VOUCHED_FOR);
        }

        @Test
        @DisplayName("without a creation time it counts as old")
        void noCreationTime() {
            assertThat(AccountFactsReader.ageMillis(null, CLOCK)).isEqualTo(Long.MAX_VALUE);
        }
    }

    @Nested
    @DisplayName("given an account handed to another identity whose sign-in has not finished (login timeout 30 minutes)")
    class PendingLinks {

        private static final int LOGIN_TIMEOUT_SECONDS = 1800;

        private PendingFor pendingFor(PendingLink pending, List<FederatedIdentityModel> links) {
            return AccountFactsReader.pendingFor(Optional.of(pending), links, ANN, LOGIN_TIMEOUT_SECONDS, CLOCK);
        }

        private PendingLink bobReserved(Duration ago) {
            return new PendingLink("corp", "bob-at-corp", NOW - ago.toMillis());
        }

        @Test
        @DisplayName("it stays handed over for the realm's login timeout, then no longer")
        void heldForTheLoginTimeout() {
            assertThat(pendingFor(bobReserved(Duration.ofMinutes(30)), List.of())).isEqualTo(PendingFor.ANOTHER_IDENTITY);
            assertThat(pendingFor(bobReserved(Duration.ofMinutes(30).plusMillis(1)), List.of())).isEqualTo(PendingFor.NONE);
        }

        @Test
        @DisplayName("once that identity is linked, the reservation is over")
        void overOnceLinked() {
            List<FederatedIdentityModel> linked = List.of(new FederatedIdentityModel("corp", "bob-at-corp", "bob"));

            assertThat(pendingFor(bobReserved(Duration.ZERO), linked)).isEqualTo(PendingFor.NONE);
        }

        @Test
        @DisplayName("the identity it was handed to is told so, whatever its age")
        void theSameIdentityWhateverItsAge() {
            PendingLink ann = new PendingLink("corp", "ann-at-corp", NOW - Duration.ofHours(1).toMillis());

            assertThat(pendingFor(ann, List.of())).isEqualTo(PendingFor.THIS_IDENTITY);
        }
    }
}
