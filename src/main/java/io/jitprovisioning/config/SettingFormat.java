package io.jitprovisioning.config;

import java.util.function.Consumer;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * How one kind of setting is written: as text in the mapper's stored config (and the console's forms), and as JSON in
 * the REST API. Readers add what they cannot use to {@code problems} (a phrase, without the setting's name) and return
 * what is usable, or null when nothing is: the caller then takes the setting's default (lenient reading) or answers
 * with the problems (strict reading).
 *
 * @param <T> the typed value
 */
interface SettingFormat<T> {

    /** @param stored never blank */
    T read(String stored, Consumer<String> problems);

    /** The stored text, or null for a value that is not stored (an empty table, no role). */
    String write(T value);

    /** @param json never null or JSON null */
    T readJson(JsonNode json, Consumer<String> problems);

    /** The value as the REST API shows it (a Boolean, String, List or Map). */
    Object toJson(T value);
}
