package dev.accord.server.api;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The project's own REST fuzzer, bounded: hostile requests of many families (paths and their encodings, methods,
 * headers, bodies, query numbers, nesting, sizes) from 8 concurrent clients on loopback, with a fixed seed so a
 * failure replays. Fails on any 5xx, any answer slower than the budget, and any error body that is not the API's
 * {error_code, message}. The count is {@code -Daccord.fuzz.requests} (default 2,000 in the build; the long run in
 * the README used 10,000).
 */
@QuarkusTest
class RestFuzzTest extends ApiTest {

    private static final long BUDGET_NANOS = Duration.ofSeconds(5).toNanos();
    private static final String[] SUBJECTS = {"fuzz-a", "fuzz-%C3%A9", "fuzz%2Fslash", "%00", "%C3%28", "%", "%zz",
            ":.ctx:fuzz", "a".repeat(300), "fuzz b", "..", "fuzz-a?x=1", "%E2%82%AC"};
    private static final String[] VERSIONS = {"1", "latest", "-1", "0", "4294967297", "99999999999999999999", "x", "%00",
            "2147483648", " 1"};
    private static final String[] ACCEPTS = {null, null, null, null, "application/vnd.schemaregistry.v1+json", ";;;", "*/*", "application/json", "text/html", "a/b/c", ",,", "x/y/",
            "application/vnd.schemaregistry.v1+json;q=abc"};
    private static final String[] CONTENT_TYPES = {"application/vnd.schemaregistry.v1+json",
            "application/vnd.schemaregistry.v1+json", "application/vnd.schemaregistry.v1+json", "application/json",
            "text/plain", "application/x-www-form-urlencoded", "???", "application/json; charset=utf-16",
            "application/octet-stream"};
    private static final String[] AUTHS = {null, null, null, null, "Basic", "Basic !!!", "Bearer a.b.c", "Digest x", "Basic Og=="};

    @Test
    void hostileRequestsGetA4xxInTheApisShapeWithinTheBudget() throws Exception {
        int total = Integer.getInteger("accord.fuzz.requests", 2_000);
        long seed = Long.getLong("accord.fuzz.seed", 20261203L);
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        String base = RestAssured.baseURI + ":" + RestAssured.port;
        Map<String, Integer> byStatus = new TreeMap<>();
        List<String> failures = java.util.Collections.synchronizedList(new ArrayList<>());
        AtomicLong slowest = new AtomicLong();
        Map<Integer, Integer> counts = new ConcurrentHashMap<>();
        ExecutorService clients = Executors.newFixedThreadPool(8);
        List<Future<?>> work = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
            Random random = new Random(seed + t);
            int share = total / 8;
            work.add(clients.submit(() -> {
                for (int i = 0; i < share; i++) {
                    HttpRequest request = hostile(random, base);
                    long start = System.nanoTime();
                    try {
                        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                        long took = System.nanoTime() - start;
                        slowest.accumulateAndGet(took, Math::max);
                        counts.merge(response.statusCode(), 1, Integer::sum);
                        String body = response.body();
                        if (response.statusCode() >= 500 || took > BUDGET_NANOS
                                || (response.statusCode() >= 400 && response.statusCode() != 404
                                && !body.contains("\"error_code\""))) {
                            failures.add(request.method() + " " + request.uri() + " " + request.headers().map()
                                    + " -> " + response.statusCode() + " in " + took / 1_000_000 + " ms: "
                                    + body.substring(0, Math.min(300, body.length())));
                        }
                    } catch (Exception e) {
                        failures.add(request.method() + " " + request.uri() + " -> " + e);
                    }
                }
                return null;
            }));
        }
        for (Future<?> f : work) {
            f.get();
        }
        clients.shutdown();
        byStatus.putAll(counts.entrySet().stream().collect(java.util.stream.Collectors.toMap(
                e -> String.valueOf(e.getKey()), Map.Entry::getValue)));
        System.out.println("fuzz: " + total + " requests, statuses " + byStatus + ", slowest "
                + slowest.get() / 1_000_000 + " ms");
        assertTrue(failures.isEmpty(), failures.size() + " bad answers, for example:\n"
                + String.join("\n", failures.subList(0, Math.min(20, failures.size()))));
    }

    private static HttpRequest hostile(Random random, String base) {
        String subject = pick(random, SUBJECTS);
        String version = pick(random, VERSIONS);
        String path = switch (random.nextInt(14)) {
            case 0 -> "/subjects/" + subject + "/versions";
            case 1 -> "/subjects/" + subject + "/versions/" + version;
            case 2 -> "/subjects/" + subject;
            case 3 -> "/schemas/ids/" + version;
            case 4 -> "/schemas/ids/" + version + "/versions";
            case 5 -> "/compatibility/subjects/" + subject + "/versions/" + version + "?verbose=" + pick(random,
                    new String[]{"true", "yes", "%00"});
            case 6 -> "/config/" + subject;
            case 7 -> "/mode/" + subject;
            case 8 -> "/v1/events?after=" + version + "&limit=" + pick(random, VERSIONS);
            case 9 -> "/v1/diff";
            case 10 -> "/subjects?offset=" + version + "&limit=" + pick(random, VERSIONS);
            case 11 -> "/v1/subjects/" + subject + "/diff?from=" + version;
            case 12 -> "/schemas?subjectPrefix=" + subject;
            default -> "/" + "%".repeat(random.nextInt(3)) + subject;
        };
        String method = pick(random, new String[]{"GET", "POST", "PUT", "DELETE", "POST", "POST"});
        String body = body(random);
        HttpRequest.Builder builder;
        try {
            builder = HttpRequest.newBuilder(URI.create(base + path.replace(" ", "%20").replace("?x", "%3Fx")));
        } catch (IllegalArgumentException e) {
            builder = HttpRequest.newBuilder(URI.create(base + "/subjects/bad%25uri/versions"));
        }
        builder.timeout(Duration.ofSeconds(30));
        String accept = pick(random, ACCEPTS);
        if (accept != null) {
            builder.header("Accept", accept);
        }
        String auth = pick(random, AUTHS);
        if (auth != null) {
            builder.header("Authorization", auth);
        }
        builder.header("Content-Type", pick(random, CONTENT_TYPES));
        return builder.method(method, method.equals("GET") ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body)).build();
    }

    private static String body(Random random) {
        String schema = switch (random.nextInt(10)) {
            case 0 -> "{\"type\":\"record\",\"name\":\"F\",\"fields\":[{\"name\":\"a\",\"type\":\"int\"}]}";
            case 1 -> "[".repeat(5_000) + "]".repeat(5_000);
            case 2 -> "{\"type\":\"enum\",\"name\":\"E\",\"symbols\":[" + "\"A\",".repeat(20_000) + "\"B\"]}";
            case 3 -> "syntax = \"proto3\"; message M { " + "message N { ".repeat(2_000) + "}".repeat(2_000) + " }";
            case 4 -> "{\"$ref\":\"#/definitions/x\",\"definitions\":{\"x\":{\"$ref\":\"#/definitions/x\"}}}";
            case 5 -> "\u0000";
            case 6 -> "x".repeat(random.nextInt(2_000_000));
            case 7 -> "{\"type\":\"record\",\"name\":\"F\",\"fields\":[{\"name\":\"a\",\"type\":\"F\"}]}";
            case 8 -> mutate(random, "{\"type\":\"record\",\"name\":\"F\",\"fields\":[{\"name\":\"a\",\"type\":[\"null\",\"int\"],\"default\":null}]}");
            default -> "\"string\"";
        };
        String type = pick(random, new String[]{"AVRO", "JSON", "PROTOBUF", "XML", null});
        String references = pick(random, new String[]{"[]", "[{\"name\":\"x\",\"subject\":\"fuzz-a\",\"version\":1}]",
                "[{\"name\":\"x\",\"subject\":\"fuzz-a\",\"version\":4294967297}]", "{}", "null"});
        String json = "{\"schema\":" + quote(schema) + (type == null ? "" : ",\"schemaType\":\"" + type + "\"")
                + ",\"references\":" + references + ",\"old\":" + quote(schema) + ",\"new\":\"\\\"int\\\"\""
                + ",\"compatibility\":\"" + pick(random, new String[]{"FULL", "NOPE", ""}) + "\""
                + ",\"mode\":\"" + pick(random, new String[]{"READWRITE", "IMPORT", "X"}) + "\"}";
        return random.nextInt(8) == 0 ? mutate(random, json) : json;
    }

    private static String mutate(Random random, String text) {
        StringBuilder out = new StringBuilder(text);
        for (int i = 0, n = 1 + random.nextInt(4); i < n && out.length() > 0; i++) {
            int at = random.nextInt(out.length());
            switch (random.nextInt(3)) {
                case 0 -> out.deleteCharAt(at);
                case 1 -> {
                    String specials = "{}[]\",:\\\u0000\ud800";
                    out.insert(at, specials.charAt(random.nextInt(specials.length())));
                }
                default -> out.insert(at, out.substring(at, Math.min(out.length(), at + 1 + random.nextInt(20))));
            }
        }
        return out.toString();
    }

    private static String quote(String text) {
        try {
            return JSON.writeValueAsString(text);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static <T> T pick(Random random, T[] options) {
        return options[random.nextInt(options.length)];
    }
}
