package io.jitprovisioning.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import io.jitprovisioning.config.RealmCatalog;
import io.jitprovisioning.delegation.OrganizationLimits;
import io.jitprovisioning.problem.Problem;

@DisplayName("Limits bodies: all three fields, roles and groups the realm has and may grant")
class LimitsRequestTest {

    private static final RealmCatalog REALM = new RealmCatalog() {
        @Override
        public Status role(String roleName) {
            return switch (roleName) {
                case "developer", "support" -> Status.GRANTABLE;
                case "realm-management.realm-admin" -> Status.PROTECTED;
                default -> Status.UNKNOWN;
            };
        }

        @Override
        public Status group(String pathOrName) {
            return pathOrName.equals("/customers") ? Status.GRANTABLE : pathOrName.equals("/admins") ? Status.PROTECTED : Status.UNKNOWN;
        }
    };

    @Test
    @DisplayName("a valid body is read as sent, a name twice kept once")
    void valid() throws SetupRejected {
        OrganizationLimits limits = LimitsRequest.read("""
                {"offeredRoles": ["developer", "support", "developer"], "offeredGroups": ["/customers"], "maxIdentityProviders": 0}""", REALM);
        assertThat(limits).isEqualTo(new OrganizationLimits(List.of("developer", "support"), List.of("/customers"), 0));
    }

    @Test
    @DisplayName("each mistake has its code, all of them at once")
    void mistakes() {
        assertThat(codes("{\"offeredRoles\": [\"realm-management.realm-admin\", \"nosuch\"], \"offeredGroups\": [\"/admins\"], "
                + "\"maxIdentityProviders\": 101, \"trustEmail\": true}"))
                .containsExactlyInAnyOrder("UNKNOWN_FIELD", "INVALID_LIMITS", "PROTECTED_OFFERED", "UNKNOWN_OFFERED", "PROTECTED_OFFERED");
        assertThat(codes("{\"offeredRoles\": \"developer\", \"maxIdentityProviders\": \"3\"}"))
                .containsExactlyInAnyOrder("INVALID_LIMITS", "INVALID_LIMITS", "INVALID_LIMITS");
        assertThat(codes("{\"offeredRoles\": [\"a##b\", 3, \" \"], \"offeredGroups\": [], \"maxIdentityProviders\": 3}"))
                .containsExactly("INVALID_LIMITS", "INVALID_LIMITS", "INVALID_LIMITS");
        assertThat(codes("[]")).containsExactly("INVALID_REQUEST");
    }

    private static List<String> codes(String body) {
        SetupRejected rejected = catchThrowableOfType(SetupRejected.class, () -> LimitsRequest.read(body, REALM));
        assertThat(rejected).as("refused: %s", body).isNotNull();
        assertThat(rejected.status()).isEqualTo(400);
        return rejected.errors().stream().map(Problem::code).map(Enum::name).toList();
    }
}
