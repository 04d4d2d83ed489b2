package io.jitprovisioning.admin;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.jitprovisioning.problem.Problem;
import io.jitprovisioning.problem.ProblemCode;

/** What the admin routes read and answer alike: the body as text, and the errors-and-warnings body of a refusal. */
final class AdminAnswers {

    private AdminAnswers() {
    }

    /** The body as sent: read here, not bound by RESTEasy, so that malformed JSON gets this API's 400 body. */
    static String text(InputStream body) throws IOException {
        return body == null ? "" : new String(body.readAllBytes(), StandardCharsets.UTF_8);
    }

    static Response rejection(SetupRejected rejected) {
        return Response.status(rejected.status())
                .entity(Map.of("errors", rejected.errors(), "warnings", rejected.warnings()))
                .type(MediaType.APPLICATION_JSON).build();
    }

    static Response problem(int status, ProblemCode code, String message) {
        return Response.status(status).entity(Map.of("errors", List.of(new Problem(code, message)), "warnings", List.of()))
                .type(MediaType.APPLICATION_JSON).build();
    }
}
