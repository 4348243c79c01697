package dev.accord.server.api;

import io.quarkus.test.junit.QuarkusTestProfile;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Map;

/** The server with authentication on, a known admin password, and bearer tokens signed by a key made here. */
public class AuthEnabledProfile implements QuarkusTestProfile {

    public static final String ADMIN_PASSWORD = "correct horse battery staple";
    static final String ISSUER = "https://idp.accord.test";
    static final String LOG_FILE = "target/auth-test.log";
    static final KeyPair TOKEN_KEYS = rsa();

    @Override
    public Map<String, String> getConfigOverrides() {
        String pem = "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder().encodeToString(TOKEN_KEYS.getPublic().getEncoded())
                + "\n-----END PUBLIC KEY-----\n";
        return Map.of(
                "accord.auth.enabled", "true",
                "accord.auth.admin-password", ADMIN_PASSWORD,
                "accord.auth.jwt.public-key", pem,
                "accord.auth.jwt.issuer", ISSUER,
                // every log line of this server, for the test that greps them for secrets
                "quarkus.log.file.enabled", "true",
                "quarkus.log.file.path", LOG_FILE,
                "quarkus.log.category.\"dev.accord\".level", "DEBUG");
    }

    private static KeyPair rsa() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
