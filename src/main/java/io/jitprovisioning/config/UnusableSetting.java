package io.jitprovisioning.config;

import io.jitprovisioning.problem.Problem;
import io.jitprovisioning.problem.ProblemCode;

/**
 * A gate or allowlist setting that is set but cannot be used as it is: an allowed email domain that is not a domain,
 * a Required attribute without Required values, an allowlist none of whose entries names a role or group. Such a
 * setting never falls back to "anyone": every sign-in it governs is refused with {@code SETTINGS_INVALID} until an
 * administrator fixes it, because the administrator meant to let fewer people in, not everyone.
 *
 * @param setting the setting: its key is the refusal's rule and what the log line names
 * @param code    the code the REST setup and the console page give the same mistake ({@code INVALID_EMAIL_DOMAIN}, ...)
 * @param reason  what is wrong, for the administrator: it may quote the setting, never what a sign-in sent
 */
public record UnusableSetting(Setting<?> setting, ProblemCode code, String reason) {

    public String key() {
        return setting.key();
    }

    /** The sentence the REST API and the preview show. */
    public String message() {
        return key() + " is set but unusable, so every sign-in through this identity provider is refused (SETTINGS_INVALID): "
                + reason;
    }

    /** The same mistake as the REST setup and the console page report it. */
    public Problem issue() {
        return new Problem(code, setting.name() + ": " + reason);
    }
}
