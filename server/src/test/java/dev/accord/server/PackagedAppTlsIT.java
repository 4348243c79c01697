package dev.accord.server;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.TrustManagerFactory;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * TLS by configuration, as the README documents it: the packaged app with a self-signed certificate (made here by
 * the JDK's keytool) serves HTTPS only; a client that trusts the certificate registers and reads schemas, one that
 * does not is refused in the handshake, and the plain HTTP port is closed.
 */
class PackagedAppTlsIT {

    private static final Path JAR = Path.of("target", "quarkus-app", "quarkus-run.jar");
    private static final String PASSWORD = "tls-it-password";
    private Process server;

    @AfterEach
    void stop() throws InterruptedException {
        if (server != null && server.isAlive()) {
            server.destroy();
            if (!server.waitFor(60, TimeUnit.SECONDS)) {
                server.destroyForcibly();
            }
        }
    }

    @Test
    void servesHttpsWithAConfiguredCertificateAndNoPlainHttp() throws Exception {
        Path dir = Path.of("target", "tls-it").toAbsolutePath();
        PostgresTestResource.deleteRecursively(dir);
        Files.createDirectories(dir);
        Path keyStore = dir.resolve("server.p12");
        String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
        Process generate = new ProcessBuilder(keytool, "-genkeypair", "-alias", "accord", "-keyalg", "RSA",
                "-keysize", "2048", "-validity", "2", "-dname", "CN=localhost", "-ext", "SAN=dns:localhost,ip:127.0.0.1",
                "-storetype", "PKCS12", "-keystore", keyStore.toString(), "-storepass", PASSWORD)
                .redirectErrorStream(true).start();
        assertTrue(generate.waitFor(60, TimeUnit.SECONDS) && generate.exitValue() == 0,
                new String(generate.getInputStream().readAllBytes()));

        int https = freePort();
        int http = freePort();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(java, "-jar", JAR.toAbsolutePath().toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("server.log").toFile());
        builder.environment().remove("QUARKUS_DATASOURCE_JDBC_URL");
        builder.environment().put("ACCORD_DATA_DIR", dir.resolve("data").toString());
        builder.environment().put("QUARKUS_HTTP_PORT", Integer.toString(http));
        builder.environment().put("QUARKUS_HTTP_SSL_PORT", Integer.toString(https));
        builder.environment().put("QUARKUS_TLS_KEY_STORE_P12_PATH", keyStore.toString());
        builder.environment().put("QUARKUS_TLS_KEY_STORE_P12_PASSWORD", PASSWORD);
        builder.environment().put("QUARKUS_HTTP_INSECURE_REQUESTS", "disabled");
        server = builder.start();

        HttpClient trusting = HttpClient.newBuilder().sslContext(trusting(keyStore))
                .connectTimeout(Duration.ofSeconds(2)).build();
        URI base = URI.create("https://localhost:" + https);
        waitUntilUp(trusting, base.resolve("/q/health/ready"));

        HttpResponse<String> registered = trusting.send(HttpRequest.newBuilder(base.resolve("/subjects/tls-value/versions"))
                .header("Content-Type", "application/vnd.schemaregistry.v1+json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"schema\":\"\\\"string\\\"\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, registered.statusCode(), registered.body());
        HttpResponse<String> read = trusting.send(HttpRequest.newBuilder(base.resolve("/schemas/ids/1")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, read.statusCode());
        assertTrue(read.body().contains("string"), read.body());

        // a client with the default trust store does not accept the self-signed certificate
        HttpClient defaults = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        assertThrows(SSLHandshakeException.class, () -> defaults.send(HttpRequest.newBuilder(base.resolve("/schemas/types"))
                .build(), HttpResponse.BodyHandlers.ofString()));
        // and nothing listens in clear
        assertThrows(ConnectException.class, () -> defaults.send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + http + "/schemas/types")).build(), HttpResponse.BodyHandlers.ofString()));
    }

    private static SSLContext trusting(Path keyStore) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keyStore)) {
            store.load(in, PASSWORD.toCharArray());
        }
        KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
        trust.load(null, null);
        trust.setCertificateEntry("accord", store.getCertificate("accord"));
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(trust);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, factory.getTrustManagers(), null);
        return context;
    }

    private void waitUntilUp(HttpClient client, URI ready) throws Exception {
        Instant deadline = Instant.now().plusSeconds(90);
        while (Instant.now().isBefore(deadline)) {
            if (!server.isAlive()) {
                throw new AssertionError("server exited with " + server.exitValue() + "; see target/tls-it/server.log");
            }
            try {
                if (client.send(HttpRequest.newBuilder(ready).build(), HttpResponse.BodyHandlers.ofString())
                        .statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new AssertionError("server did not become ready on " + ready);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
