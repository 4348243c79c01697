package dev.accord.server.api;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Prometheus metrics at /q/metrics: registrations by outcome, checks by format, requests by route template. */
@QuarkusTest
class MetricsTest extends ApiTest {

    @Test
    void registrationsChecksAndTheFastRouteAreCounted() {
        double createdBefore = value(metrics(), "accord_registrations_total\\{[^}]*outcome=\"created\"[^}]*}");
        String subject = subject("metrics");
        int id = register(subject, body(Map.of("schema", record("M", "a:int")))).statusCode(200).extract().path("id");
        register(subject, body(Map.of("schema", record("M", "a:int")))).statusCode(200); // the same: existing
        register(subject, body(Map.of("schema", record("M", "a:string")))).statusCode(409); // incompatible
        client().get("/schemas/ids/{id}", id).then().statusCode(200);
        client().get("/schemas/ids/{id}", id).then().statusCode(200); // the fast route

        String text = metrics();
        assertTrue(value(text, "accord_registrations_total\\{[^}]*outcome=\"created\"[^}]*}") >= createdBefore + 1, text);
        assertTrue(value(text, "accord_registrations_total\\{[^}]*outcome=\"existing\"[^}]*}") >= 1, text);
        assertTrue(value(text, "accord_registrations_total\\{[^}]*outcome=\"incompatible\"[^}]*}") >= 1, text);
        assertTrue(value(text, "accord_compatibility_check_seconds_count\\{[^}]*compatible=\"false\"[^}]*format=\"avro\"[^}]*}") >= 1,
                text);
        // every GET by id under one route template, whichever route answered it
        assertTrue(value(text, "http_server_requests_seconds_count\\{[^}]*uri=\"/schemas/ids/\\{id}\"[^}]*}") >= 2, text);
        assertTrue(!text.contains("uri=\"/schemas/ids/" + id + "\""), "ids are folded into the template");
        // the second read of the id was served from the rendered-answer cache, which holds its bytes
        assertTrue(value(text, "accord_cache_requests_total\\{[^}]*cache=\"schema-by-id-answer\"[^}]*result=\"hit\"[^}]*}") >= 1, text);
        assertTrue(value(text, "accord_cache_bytes\\{[^}]*cache=\"schema-by-id-answer\"[^}]*}") > 0, text);
    }

    @Test
    void theChangeListenerReportsHowFarItHasFollowedTheEventLog() throws InterruptedException {
        register(subject("listener"), body(Map.of("schema", record("L", "a:int")))).statusCode(200);
        // the listener receives this instance's own events too, over NOTIFY: it catches up with the log's head
        String text = metrics();
        for (int i = 0; i < 50 && value(text, "accord_event_listener_sequence") < value(text, "accord_event_log_sequence"); i++) {
            Thread.sleep(100);
            text = metrics();
        }
        assertTrue(value(text, "accord_event_log_sequence") >= 1, text);
        assertTrue(value(text, "accord_event_listener_sequence") >= value(text, "accord_event_log_sequence"), text);
        assertTrue(value(text, "accord_event_listener_connected") == 1, text);
    }

    private static String metrics() {
        return given().get("/q/metrics").then().statusCode(200).extract().asString();
    }

    /** The sum of the samples whose name and labels match. */
    private static double value(String text, String series) {
        Matcher m = Pattern.compile("^" + series + " ([0-9.eE+-]+)$", Pattern.MULTILINE).matcher(text);
        double sum = 0;
        while (m.find()) {
            sum += Double.parseDouble(m.group(1));
        }
        return sum;
    }
}
