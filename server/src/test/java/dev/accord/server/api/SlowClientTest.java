package dev.accord.server.api;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * accord.http.header-timeout (1 s here): a client that drips its headers (slowloris) or opens a connection and says
 * nothing loses the connection; a keep-alive client that pauses between requests, or waits on a slow answer, keeps it.
 */
@QuarkusTest
@TestProfile(SlowClientTest.Profile.class)
class SlowClientTest extends ApiTest {

    public static class Profile implements QuarkusTestProfile {
        @Override
        public java.util.Map<String, String> getConfigOverrides() {
            return java.util.Map.of("accord.http.header-timeout", "1s");
        }
    }

    private static final String GET_TYPES = "GET /schemas/types HTTP/1.1\r\nHost: localhost\r\n\r\n";

    private Socket connect() throws IOException {
        Socket socket = new Socket(InetAddress.getLoopbackAddress(), RestAssured.port);
        socket.setSoTimeout(8_000);
        return socket;
    }

    @Test
    void aClientDrippingItsHeadersIsAnswered408AndDisconnected() throws Exception {
        try (Socket socket = connect()) {
            OutputStream out = socket.getOutputStream();
            out.write("GET /schemas/types HTTP/1.1\r\nHost: localhost\r\n".getBytes(StandardCharsets.US_ASCII));
            long start = System.nanoTime();
            boolean cut = false;
            // Twenty header lines 300 ms apart would take 6 s; each byte restarts an idle timeout, not this one.
            for (int i = 0; i < 20 && !cut; i++) {
                Thread.sleep(300);
                try {
                    out.write(("X-Drip-" + i + ": 1\r\n").getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                } catch (SocketException closed) {
                    cut = true;
                }
                cut |= socket.getInputStream().available() > 0;
            }
            String answer = readToEnd(socket.getInputStream());
            long elapsedMillis = (System.nanoTime() - start) / 1_000_000;
            assertTrue(answer.startsWith("HTTP/1.1 408"), answer);
            assertTrue(answer.contains("\"error_code\":408") && answer.contains("accord.http.header-timeout"), answer);
            assertTrue(elapsedMillis < 4_000, "connection held for " + elapsedMillis + " ms");
        }
        String metrics = RestAssured.given().get("/q/metrics").then().statusCode(200).extract().asString();
        double closed = metrics.lines().filter(l -> l.startsWith("accord_http_header_timeouts_total"))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
        assertTrue(closed >= 1, "closures are counted: " + closed);
    }

    @Test
    void aConnectionThatNeverSpeaksIsClosed() throws Exception {
        try (Socket socket = connect()) {
            long start = System.nanoTime();
            assertEquals(-1, socket.getInputStream().read(), "the server closes a silent connection");
            long elapsedMillis = (System.nanoTime() - start) / 1_000_000;
            assertTrue(elapsedMillis < 4_000, "silent connection held for " + elapsedMillis + " ms");
        }
    }

    @Test
    void aKeepAliveClientMayPauseBetweenRequests() throws Exception {
        try (Socket socket = connect()) {
            OutputStream out = socket.getOutputStream();
            InputStream in = socket.getInputStream();
            out.write(GET_TYPES.getBytes(StandardCharsets.US_ASCII));
            assertTrue(readOneResponse(in).startsWith("HTTP/1.1 200"));
            Thread.sleep(2_000); // twice the header timeout, idle between requests
            out.write(GET_TYPES.getBytes(StandardCharsets.US_ASCII));
            assertTrue(readOneResponse(in).startsWith("HTTP/1.1 200"), "the same connection still answers");
        }
    }

    private static String readToEnd(InputStream in) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        byte[] buffer = new byte[4096];
        try {
            for (int n; (n = in.read(buffer)) >= 0; ) {
                bytes.write(buffer, 0, n);
            }
        } catch (SocketTimeoutException | SocketException e) {
            // what arrived before the reset or the wait ran out is the answer
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    /** Reads one response with a Content-Length body. */
    private static String readOneResponse(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        while (!head.toString(StandardCharsets.US_ASCII).endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                return head.toString(StandardCharsets.US_ASCII);
            }
            head.write(b);
        }
        String headText = head.toString(StandardCharsets.US_ASCII);
        int length = 0;
        for (String line : headText.split("\r\n")) {
            if (line.toLowerCase(java.util.Locale.ROOT).startsWith("content-length:")) {
                length = Integer.parseInt(line.substring(15).trim());
            }
        }
        in.readNBytes(length);
        return headText;
    }
}
