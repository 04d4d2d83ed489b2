package io.jitprovisioning.admin;

import io.jitprovisioning.config.SettingIssue;
import io.jitprovisioning.metadata.MetadataIssue;

/** One error or warning in an admin API response: a public code and an administrator-facing message. */
public record Problem(String code, String message) {

    static Problem of(MetadataIssue issue) {
        return new Problem(issue.code().name(), issue.message());
    }

    static Problem of(SettingIssue issue) {
        return new Problem(issue.code(), issue.message());
    }
}
