package dev.accord.maven.registry;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * How to reach a registry.
 *
 * @param urls               base URLs, tried in order while one cannot be reached
 * @param username           basic auth user, or null
 * @param password           basic auth password, or null
 * @param bearerToken        bearer token, or null (basic auth wins when both are set)
 * @param headers            extra request headers
 * @param trustStore         trust store for TLS, or null for the JVM's
 * @param trustStorePassword its password, or null
 * @param trustStoreType     PKCS12, JKS, ... (null: by file extension, PKCS12 by default)
 * @param connectTimeout     how long to wait for a connection
 * @param requestTimeout     how long to wait for an answer
 */
public record RegistrySettings(List<String> urls, String username, String password, String bearerToken,
                               Map<String, String> headers, Path trustStore, String trustStorePassword,
                               String trustStoreType, Duration connectTimeout, Duration requestTimeout) {

    public RegistrySettings {
        urls = urls.stream().map(String::trim).filter(u -> !u.isEmpty())
                .map(u -> u.endsWith("/") ? u.substring(0, u.length() - 1) : u).toList();
        headers = headers == null ? Map.of() : Map.copyOf(headers);
        if (urls.isEmpty()) {
            throw new IllegalArgumentException("No registry URL: set <registryUrl> or -Daccord.registryUrl");
        }
    }

    public static RegistrySettings of(String url) {
        return new RegistrySettings(List.of(url.split(",")), null, null, null, Map.of(), null, null, null,
                Duration.ofSeconds(10), Duration.ofSeconds(30));
    }
}
