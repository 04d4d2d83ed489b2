package io.jitprovisioning.compat;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import io.jitprovisioning.roles.RealmRoleDirectory;

/** Against the Keycloak this build compiles with (keycloak.version in pom.xml): what resolves there and what only a later release has. */
@DisplayName("Linkage resolves references as the JVM does")
class LinkageTest {

    private final Linkage linkage = new Linkage(LinkageTest.class.getClassLoader());

    private static ClassReference method(String owner, String name, String descriptor) {
        return new ClassReference(ClassReference.Kind.METHOD, owner, name, descriptor);
    }

    @Test
    @DisplayName("the constant pool of a compiled class lists the Keycloak methods it calls")
    void readsTheConstantPool() throws IOException {
        List<ClassReference> references;
        try (InputStream in = RealmRoleDirectory.class.getResourceAsStream("RealmRoleDirectory.class")) {
            references = ConstantPool.references(in.readAllBytes());
        }

        assertThat(references).contains(
                ClassReference.toClass("org/keycloak/models/RoleModel"),
                new ClassReference(ClassReference.Kind.INTERFACE_METHOD, "org/keycloak/models/RealmModel", "getRole",
                        "(Ljava/lang/String;)Lorg/keycloak/models/RoleModel;"));
    }

    @Test
    @DisplayName("a method with another return or parameter type than the release has does not resolve")
    void signatureChangesAreProblems() {
        assertThat(linkage.problem(method("org/keycloak/models/IdentityProviderModel", "isTrustEmail", "()Z"))).isEmpty();
        assertThat(linkage.problem(method("org/keycloak/models/IdentityProviderModel", "isTrustEmail", "()Ljava/lang/Boolean;")))
                .hasValueSatisfying(problem -> assertThat(problem).contains("isTrustEmail").contains("does not exist"));
        assertThat(linkage.problem(method("org/keycloak/models/utils/KeycloakModelUtils", "getRoleFromString",
                "(Lorg/keycloak/models/RealmModel;Ljava/lang/String;)Lorg/keycloak/models/RoleModel;"))).isEmpty();
        assertThat(linkage.problem(method("org/keycloak/models/utils/KeycloakModelUtils", "getRoleFromString",
                "(Lorg/keycloak/models/KeycloakSession;Lorg/keycloak/models/RealmModel;Ljava/lang/String;)Lorg/keycloak/models/RoleModel;")))
                .isPresent();
    }

    @Test
    @DisplayName("inherited methods resolve through superclasses and superinterfaces; constructors only where declared")
    void inheritance() {
        assertThat(linkage.problem(method("org/keycloak/broker/saml/SAMLIdentityProviderConfig", "setTrustEmail", "(Z)V"))).isEmpty();
        assertThat(linkage.problem(new ClassReference(ClassReference.Kind.INTERFACE_METHOD, "org/keycloak/models/RealmModel",
                "getRolesStream", "()Ljava/util/stream/Stream;"))).isEmpty();
        assertThat(linkage.problem(method("org/keycloak/broker/saml/SAMLIdentityProviderConfig", "<init>", "()V"))).isEmpty();
        assertThat(linkage.problem(method("org/keycloak/broker/saml/SAMLIdentityProviderConfig", "<init>", "(Ljava/lang/String;)V")))
                .isPresent();
    }

    @Test
    @DisplayName("fields are matched by name and type; a missing class is a problem")
    void fieldsAndClasses() {
        assertThat(linkage.problem(new ClassReference(ClassReference.Kind.FIELD, "org/keycloak/models/IdentityProviderModel",
                "SYNC_MODE", "Ljava/lang/String;"))).isEmpty();
        assertThat(linkage.problem(new ClassReference(ClassReference.Kind.FIELD, "org/keycloak/models/IdentityProviderModel",
                "SYNC_MODE", "I"))).isPresent();
        assertThat(linkage.problem(ClassReference.toClass("org/keycloak/models/NoSuchModel")))
                .hasValueSatisfying(problem -> assertThat(problem).contains("missing"));
        assertThat(linkage.problem(ClassReference.toClass("[Lorg/keycloak/models/RoleModel;"))).isEmpty();
    }
}
