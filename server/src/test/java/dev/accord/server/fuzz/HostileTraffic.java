package dev.accord.server.fuzz;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

/**
 * The project's REST fuzzer: hostile requests of many families (paths and their encodings, methods, headers,
 * bodies, query numbers, nesting, sizes, references to large schemas) from 8 concurrent clients, seeded so a
 * failure replays. A bad answer is a 5xx, an answer slower than the budget, an error body not in the API's
 * {@code {error_code, message}} shape, or a 200 for an id or version no registry could have. JDK only, so that
 * {@code bench/fuzz.sh} runs it against a packaged server from outside its process:
 * {@code java -cp server/target/test-classes dev.accord.server.fuzz.HostileTraffic http://127.0.0.1:8080 10000}.
 */
public final class HostileTraffic {

    private static final long BUDGET_NANOS = Duration.ofSeconds(5).toNanos();
    private static final String[] SUBJECTS = {"fuzz-a", "fuzz-%C3%A9", "fuzz%2Fslash", "%00", "%C3%28", "%", "%zz",
            ":.ctx:fuzz", "a".repeat(300), "fuzz b", "..", "fuzz-a?x=1", "%E2%82%AC", "fuzz-big"};
    private static final String[] VERSIONS = {"1", "latest", "-1", "0", "4294967297", "99999999999999999999", "x", "%00",
            "2147483648", " 1"};
    /** Ids and versions that cannot exist: a 200 for one is another object's data (" 1" is 1, as Confluent trims). */
    private static final Pattern IMPOSSIBLE = Pattern.compile("4294967297|99999999999999999999|x|%00|2147483648|0");
    private static final String[] ACCEPTS = {null, null, null, null, "application/vnd.schemaregistry.v1+json", ";;;",
            "*/*", "application/json", "text/html", "a/b/c", ",,", "x/y/", "application/vnd.schemaregistry.v1+json;q=abc"};
    private static final String[] CONTENT_TYPES = {"application/vnd.schemaregistry.v1+json",
            "application/vnd.schemaregistry.v1+json", "application/vnd.schemaregistry.v1+json", "application/json",
            "text/plain", "application/x-www-form-urlencoded", "???", "application/json; charset=utf-16",
            "application/octet-stream"};
    private static final String[] AUTHS = {null, null, null, null, "Basic", "Basic !!!", "Bearer a.b.c", "Digest x",
            "Basic Og=="};
    /** About 600 KB of Avro record: the size of schema whose registration with references once hung. */
    private static final String LARGE_RECORD = largeRecord(6_000);

    /** What a run found. */
    public record Outcome(int requests, Map<Integer, Integer> statuses, long slowestMillis, List<String> failures) {
        @Override
        public String toString() {
            return requests + " requests, statuses " + statuses + ", slowest " + slowestMillis + " ms, "
                    + failures.size() + " bad answers";
        }
    }

    private HostileTraffic() {
    }

    public static void main(String[] args) throws Exception {
        String base = args.length > 0 ? args[0] : "http://127.0.0.1:8080";
        int total = args.length > 1 ? Integer.parseInt(args[1]) : 10_000;
        long seed = args.length > 2 ? Long.parseLong(args[2]) : 20261203L;
        Outcome outcome = run(base, total, seed);
        System.out.println("fuzz: " + outcome);
        outcome.failures().stream().limit(20).forEach(System.out::println);
        System.exit(outcome.failures().isEmpty() ? 0 : 1);
    }

    /** Sends {@code total} hostile requests to the registry at {@code base} and reports what came back. */
    public static Outcome run(String base, int total, long seed) throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        seedLargeSubject(http, base);
        List<String> failures = Collections.synchronizedList(new ArrayList<>());
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
                        String problem = judge(request, response, took);
                        if (problem != null) {
                            String body = response.body();
                            failures.add(problem + ": " + request.method() + " " + request.uri() + " "
                                    + request.headers().map() + " -> " + response.statusCode() + " in "
                                    + took / 1_000_000 + " ms: " + body.substring(0, Math.min(300, body.length())));
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
        return new Outcome(total / 8 * 8, new TreeMap<>(counts), slowest.get() / 1_000_000, List.copyOf(failures));
    }

    private static String judge(HttpRequest request, HttpResponse<String> response, long took) {
        int status = response.statusCode();
        if (status >= 500) {
            return "server error";
        }
        if (took > BUDGET_NANOS) {
            return "over the time budget";
        }
        if (status >= 400 && status != 404 && !response.body().contains("\"error_code\"")) {
            return "error body not in the API's shape";
        }
        String path = request.uri().getRawPath();
        if (status == 200 && request.method().equals("GET")) {
            String[] segments = path.split("/");
            // /schemas/ids/{id}... and /subjects/{s}/versions/{v}: an impossible number answered 200 is wrong
            boolean byId = segments.length >= 4 && segments[1].equals("schemas") && segments[2].equals("ids");
            boolean byVersion = segments.length >= 5 && segments[1].equals("subjects") && segments[3].equals("versions");
            String number = byId ? segments[3] : byVersion ? segments[4] : null;
            if (number != null && IMPOSSIBLE.matcher(number).matches()) {
                return "a 200 for an id or version that cannot exist";
            }
        }
        return null;
    }

    /** A subject with a large schema, so that requests referencing {@code fuzz-big} resolve a 600 KB reference. */
    private static void seedLargeSubject(HttpClient http, String base) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/subjects/fuzz-big/versions"))
                .header("Content-Type", "application/vnd.schemaregistry.v1+json")
                .timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString("{\"schema\":" + quote(LARGE_RECORD) + "}")).build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("could not register the large schema: " + response.statusCode() + " "
                    + response.body());
        }
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
        String schema = switch (random.nextInt(11)) {
            case 0 -> "{\"type\":\"record\",\"name\":\"F\",\"fields\":[{\"name\":\"a\",\"type\":\"int\"}]}";
            case 1 -> "[".repeat(5_000) + "]".repeat(5_000);
            case 2 -> "{\"type\":\"enum\",\"name\":\"E\",\"symbols\":[" + "\"A\",".repeat(20_000) + "\"B\"]}";
            case 3 -> "syntax = \"proto3\"; message M { " + "message N { ".repeat(2_000) + "}".repeat(2_000) + " }";
            case 4 -> "{\"$ref\":\"#/definitions/x\",\"definitions\":{\"x\":{\"$ref\":\"#/definitions/x\"}}}";
            case 5 -> "\u0000";
            case 6 -> "x".repeat(random.nextInt(2_000_000));
            case 7 -> "{\"type\":\"record\",\"name\":\"F\",\"fields\":[{\"name\":\"a\",\"type\":\"F\"}]}";
            case 8 -> mutate(random, "{\"type\":\"record\",\"name\":\"F\",\"fields\":[{\"name\":\"a\",\"type\":[\"null\","
                    + "\"int\"],\"default\":null}]}");
            // a large record of its own that uses the referenced large one
            case 9 -> largeRecord(5_000).replace("\"name\":\"Big\"", "\"name\":\"Big" + random.nextInt(4) + "\"")
                    .replace("\"type\":\"int\"}]}", "\"type\":\"int\"},{\"name\":\"ref\",\"type\":\"Big\"}]}");
            default -> "\"string\"";
        };
        String type = pick(random, new String[]{"AVRO", "JSON", "PROTOBUF", "XML", null});
        String references = pick(random, new String[]{"[]", "[{\"name\":\"x\",\"subject\":\"fuzz-a\",\"version\":1}]",
                "[{\"name\":\"x\",\"subject\":\"fuzz-a\",\"version\":4294967297}]", "{}", "null",
                "[{\"name\":\"big.avsc\",\"subject\":\"fuzz-big\",\"version\":1}]",
                "[{\"name\":\"big.avsc\",\"subject\":\"fuzz-big\",\"version\":-1},{\"name\":\"b2\",\"subject\":\"fuzz-big\","
                        + "\"version\":1}]"});
        String json = "{\"schema\":" + quote(schema) + (type == null ? "" : ",\"schemaType\":\"" + type + "\"")
                + ",\"references\":" + references + ",\"old\":" + quote(schema) + ",\"new\":\"\\\"int\\\"\""
                + ",\"compatibility\":\"" + pick(random, new String[]{"FULL", "NOPE", ""}) + "\""
                + ",\"mode\":\"" + pick(random, new String[]{"READWRITE", "IMPORT", "X"}) + "\"}";
        return random.nextInt(8) == 0 ? mutate(random, json) : json;
    }

    /** An Avro record "Big" of {@code fields} documented fields, about 100 bytes each. */
    private static String largeRecord(int fields) {
        StringBuilder out = new StringBuilder("{\"type\":\"record\",\"name\":\"Big\",\"fields\":[");
        for (int i = 0; i < fields; i++) {
            out.append(i == 0 ? "" : ",").append("{\"name\":\"field_").append(i)
                    .append("\",\"doc\":\"a documented field of a large schema\",\"type\":\"int\"}");
        }
        return out.append("]}").toString();
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

    /** A JSON string literal (what a JSON library would write; the fuzzer needs none). */
    static String quote(String text) {
        StringBuilder out = new StringBuilder(text.length() + 2).append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20 || Character.isSurrogate(c)) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }

    private static <T> T pick(Random random, T[] options) {
        return options[random.nextInt(options.length)];
    }
}
