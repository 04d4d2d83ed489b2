package io.jitprovisioning.testsupport.clock;

import java.net.InetAddress;
import java.net.UnknownHostException;

import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.keycloak.common.util.Time;
import org.keycloak.models.KeycloakSession;

/**
 * Keycloak's clock offset in seconds ({@code Time.setOffset}), read and set over HTTP. Like the "testing" resource of
 * Keycloak's own test suite it asks for no token: a test that moves the clock past a token's lifetime must still be
 * able to move it back. It answers only in the master realm and only to the loopback address.
 */
public final class TestClockResource {

    private final KeycloakSession session;

    TestClockResource(KeycloakSession session) {
        this.session = session;
    }

    @GET
    @Produces(MediaType.TEXT_PLAIN)
    public String offset() {
        requireLocalMaster();
        return String.valueOf(Time.getOffset());
    }

    @PUT
    @Path("{seconds}")
    @Produces(MediaType.TEXT_PLAIN)
    public String setOffset(@PathParam("seconds") int seconds) {
        requireLocalMaster();
        Time.setOffset(seconds);
        return String.valueOf(Time.getOffset());
    }

    private void requireLocalMaster() {
        boolean master = "master".equals(session.getContext().getRealm().getName());
        if (!master || !isLoopback(session.getContext().getConnection().getRemoteAddr())) {
            throw new ForbiddenException();
        }
    }

    private static boolean isLoopback(String address) {
        try {
            return InetAddress.getByName(address).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
