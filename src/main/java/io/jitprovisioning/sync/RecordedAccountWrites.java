package io.jitprovisioning.sync;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.keycloak.models.UserModel;

import io.jitprovisioning.config.JitSettings;
import io.jitprovisioning.organization.OrganizationMembership;
import io.jitprovisioning.provenance.GrantKind;

/**
 * The writes of a sign-in, recorded instead of made: the preview goes through the same writer as a sign-in, and
 * nothing reaches Keycloak or the extension's tables. No account is created (the writer then works on none, which
 * holds nothing).
 */
public final class RecordedAccountWrites implements AccountWrites {

    private final List<String> recorded = new ArrayList<>();

    /** What a sign-in would have written, one line per write, in order (names and ids only, never a profile value). */
    public List<String> recorded() {
        return List.copyOf(recorded);
    }

    @Override
    public void prepareRealm(JitSettings settings) {
        recorded.add("prepare realm");
    }

    @Override
    public UserModel createAccount(String username) {
        recorded.add("create account");
        return null;
    }

    @Override
    public void recordProvisioning(UserModel account, String idpAlias, String brokerUserId) {
        recorded.add("record provisioning for " + idpAlias);
    }

    @Override
    public void reserveLink(UserModel account, String idpAlias, String brokerUserId) {
        recorded.add("reserve the account for " + idpAlias);
    }

    @Override
    public void expectLink(UserModel account, String idpAlias, String brokerUserId) {
        recorded.add("expect the link of " + idpAlias);
    }

    @Override
    public void setFirstName(UserModel account, String value) {
        recorded.add("set firstName");
    }

    @Override
    public void setLastName(UserModel account, String value) {
        recorded.add("set lastName");
    }

    @Override
    public void setEmail(UserModel account, String email, boolean verified) {
        recorded.add("set email" + (verified ? " (verified)" : ""));
    }

    @Override
    public void setAttribute(UserModel account, String name, String value) {
        recorded.add("set " + name);
    }

    @Override
    public void grant(UserModel account, GrantKind kind, String targetId) {
        recorded.add("grant " + kind + " " + targetId);
    }

    @Override
    public void revoke(UserModel account, GrantKind kind, String targetId) {
        recorded.add("revoke " + kind + " " + targetId);
    }

    @Override
    public void recordGrants(UserModel account, String idpAlias, GrantKind kind, Set<String> targetIds) {
        recorded.add("record " + kind + " grants of " + idpAlias);
    }

    @Override
    public void joinOrganization(OrganizationMembership organization, UserModel account) {
        recorded.add("join organization " + organization.alias());
    }
}
