package io.jitprovisioning;

/** The extension's provider ids: public contract, written once. */
public final class ProviderIds {

    /** The identity provider mapper "JIT Provisioning". */
    public static final String MAPPER = "jit-provisioning-idp-mapper";
    /** The first-broker-login step "JIT User Provisioning". */
    public static final String AUTHENTICATOR = "jit-provisioning-authenticator";
    /** The admin REST resource ({@code /admin/realms/{realm}/jit-provisioning}) and the admin-console page. */
    public static final String ADMIN = "jit-provisioning";

    private ProviderIds() {
    }
}
