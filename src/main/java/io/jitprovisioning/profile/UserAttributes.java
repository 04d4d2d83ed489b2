package io.jitprovisioning.profile;

import java.util.List;
import java.util.Map;

import org.keycloak.models.UserModel;

import io.jitprovisioning.config.AttributeTarget;

/** The user attributes the extension writes besides Keycloak's own first name, last name and email. */
public final class UserAttributes {

    public static final String DISPLAY_NAME = "displayName";
    public static final String PHONE_NUMBER = "phoneNumber";

    /** The account field each profile target is written to, under the name Keycloak's user profile gives it. */
    private static final Map<AttributeTarget, String> FIELDS = Map.of(AttributeTarget.USER_FIRST_NAME, UserModel.FIRST_NAME,
            AttributeTarget.USER_LAST_NAME, UserModel.LAST_NAME, AttributeTarget.USER_EMAIL, UserModel.EMAIL,
            AttributeTarget.USER_DISPLAY_NAME, DISPLAY_NAME, AttributeTarget.USER_PHONE_NUMBER, PHONE_NUMBER);

    private UserAttributes() {
    }

    /** The names of the fields {@code profile} has a value for (never the values). */
    public static List<String> fieldsOf(ProfileValues profile) {
        return FIELDS.entrySet().stream().filter(field -> profile.get(field.getKey()).isPresent()).map(Map.Entry::getValue).sorted().toList();
    }
}
