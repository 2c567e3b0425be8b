package dev.td.cli;

import java.util.Map;
import java.util.Optional;

/**
 * Where to send calls and with which key, each with where it came from: a flag, the environment,
 * the config file written by {@code td login}, or the default.
 */
public record Settings(String url, String urlSource, Optional<String> apiKey, String apiKeySource) {

    static final String DEFAULT_URL = "http://127.0.0.1:7878";

    static Settings resolve(
            Optional<String> urlFlag, Optional<String> apiKeyFlag, Map<String, String> env, ConfigFile config) {
        Optional<ConfigFile.StoredLogin> stored = config.read();
        String configSource = "config file " + config.path();
        Optional<String> urlEnv = fromEnv(env, "TD_URL");
        String url;
        String urlSource;
        if (urlFlag.isPresent()) {
            url = urlFlag.get();
            urlSource = "--url";
        } else if (urlEnv.isPresent()) {
            url = urlEnv.get();
            urlSource = "TD_URL";
        } else if (stored.flatMap(ConfigFile.StoredLogin::url).isPresent()) {
            url = stored.get().url().get();
            urlSource = configSource;
        } else {
            url = DEFAULT_URL;
            urlSource = "default";
        }
        Optional<String> keyEnv = fromEnv(env, "TD_API_KEY");
        Optional<String> key;
        String keySource;
        if (apiKeyFlag.isPresent()) {
            key = apiKeyFlag;
            keySource = "--api-key";
        } else if (keyEnv.isPresent()) {
            key = keyEnv;
            keySource = "TD_API_KEY";
        } else if (stored.flatMap(ConfigFile.StoredLogin::apiKey).isPresent()) {
            key = stored.get().apiKey();
            keySource = configSource;
        } else {
            key = Optional.empty();
            keySource = "not set";
        }
        return new Settings(url, urlSource, key, keySource);
    }

    /** The key as {@code td config} shows it: enough to recognise, not enough to use. */
    Optional<String> maskedApiKey() {
        return apiKey.map(Settings::mask);
    }

    static String mask(String key) {
        if (key.length() <= 8) {
            return "****";
        }
        return key.substring(0, 4) + "…" + key.substring(key.length() - 4);
    }

    /** An environment variable that is set and not blank. */
    private static Optional<String> fromEnv(Map<String, String> env, String name) {
        return Optional.ofNullable(env.get(name)).filter(value -> !value.isBlank());
    }
}
