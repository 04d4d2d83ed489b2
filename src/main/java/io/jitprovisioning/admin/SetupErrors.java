package io.jitprovisioning.admin;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

import io.jitprovisioning.config.JitSettings;
import io.jitprovisioning.config.UnusableSetting;
import io.jitprovisioning.metadata.MetadataReport;
import io.jitprovisioning.problem.Problem;
import io.jitprovisioning.problem.ProblemCode;

/** Every error of a setup request, found before anything is written: the body's, the settings' and the metadata's. */
final class SetupErrors {

    private SetupErrors() {
    }

    /**
     * @param settings the settings the request would store: one that is set but unusable (required values without a
     *                 required attribute, say, or a stored one the request leaves as it is) is an error too, with
     *                 the code of its mistake, since it would refuse every sign-in
     * @return the warnings, when there is no error
     */
    static List<Problem> rejectIfAny(IdpSetupRequest request, MetadataReport report, JitSettings settings)
            throws SetupRejected {
        List<Problem> errors = new ArrayList<>(request.settings().errors());
        if (request.nameIdFormat() != null && !isAbsoluteUri(request.nameIdFormat())) {
            errors.add(new Problem(ProblemCode.INVALID_NAME_ID_FORMAT, "nameIdFormat must be an absolute URI, such as "
                    + "urn:oasis:names:tc:SAML:2.0:nameid-format:persistent."));
        }
        settings.unusable().stream().map(UnusableSetting::issue)
                .filter(problem -> errors.stream().noneMatch(error -> error.code().equals(problem.code())))
                .forEach(errors::add);
        List<Problem> warnings = new ArrayList<>(request.settings().warnings());
        if (report != null) {
            report.errors().stream().forEach(errors::add);
            report.warnings().stream().forEach(warnings::add);
        }
        if (!errors.isEmpty()) {
            throw new SetupRejected(400, errors, warnings);
        }
        return warnings;
    }

    private static boolean isAbsoluteUri(String text) {
        try {
            return URI.create(text).isAbsolute();
        } catch (IllegalArgumentException notAUri) {
            return false;
        }
    }
}
