package io.jitprovisioning.config;

/**
 * Something wrong with a setting an administrator sent, with its public code. An error stops the setup; a warning is
 * reported with it.
 */
public record SettingIssue(String code, String message, boolean error) {

    static SettingIssue error(String code, String message) {
        return new SettingIssue(code, message, true);
    }

    static SettingIssue warning(String code, String message) {
        return new SettingIssue(code, message, false);
    }
}
