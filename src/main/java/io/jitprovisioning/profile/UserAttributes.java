package io.jitprovisioning.profile;

/** The user attributes the extension writes besides Keycloak's own first name, last name and email. */
public final class UserAttributes {

    public static final String DISPLAY_NAME = "displayName";
    public static final String PHONE_NUMBER = "phoneNumber";

    private UserAttributes() {
    }
}
