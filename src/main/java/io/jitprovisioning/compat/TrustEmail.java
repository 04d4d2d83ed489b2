package io.jitprovisioning.compat;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Method;

import org.keycloak.models.IdentityProviderModel;

/**
 * An identity provider's "Trust email" switch. Keycloak 26.4 has {@code boolean isTrustEmail()} and
 * {@code setTrustEmail(boolean)}; 26.5 and later have {@code Boolean} in both places (null: not set). Code compiled
 * against either calls a method the other lacks, so the accessors are found when this class loads.
 */
public final class TrustEmail {

    private static final MethodHandle GETTER = getter();
    private static final MethodHandle SETTER = setter();

    private TrustEmail() {
    }

    /** True only when the switch is on; unset counts as off, as Keycloak itself reads it. */
    public static boolean isOn(IdentityProviderModel idp) {
        try {
            return Boolean.TRUE.equals((Object) GETTER.invokeExact(idp));
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    public static void set(IdentityProviderModel idp, boolean on) {
        try {
            SETTER.invokeExact(idp, Boolean.valueOf(on));
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    private static MethodHandle getter() {
        try {
            Method method = IdentityProviderModel.class.getMethod("isTrustEmail");
            return MethodHandles.publicLookup().unreflect(method)
                    .asType(MethodType.methodType(Object.class, IdentityProviderModel.class));
        } catch (NoSuchMethodException | IllegalAccessException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private static MethodHandle setter() {
        for (Class<?> parameter : new Class<?>[]{Boolean.class, boolean.class}) {
            try {
                Method method = IdentityProviderModel.class.getMethod("setTrustEmail", parameter);
                return MethodHandles.publicLookup().unreflect(method)
                        .asType(MethodType.methodType(void.class, IdentityProviderModel.class, Boolean.class));
            } catch (NoSuchMethodException absent) {
                // the other signature
            } catch (IllegalAccessException e) {
                throw new ExceptionInInitializerError(e);
            }
        }
        throw new ExceptionInInitializerError("IdentityProviderModel has no setTrustEmail(boolean) or setTrustEmail(Boolean)");
    }
}
