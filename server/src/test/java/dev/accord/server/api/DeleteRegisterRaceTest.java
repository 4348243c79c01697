package dev.accord.server.api;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** Deleting a subject while others register to it: every answer is a success or a clear 4xx, never a 500. */
@QuarkusTest
class DeleteRegisterRaceTest extends ApiTest {

    @Test
    void aPermanentDeleteRacingRegistrationsOfTheSameContentElsewhereNeverAnswers500() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(6);
        List<String> failures = new ArrayList<>();
        try {
            for (int round = 0; round < 20; round++) {
                String subject = subject("race-content");
                String schema = record("C" + round, "a:int");
                register(subject, body(Map.of("schema", schema))).statusCode(200);
                List<CompletableFuture<String>> calls = new ArrayList<>();
                calls.add(CompletableFuture.supplyAsync(() -> {
                    var soft = client().delete("/subjects/{s}", subject);
                    var hard = client().delete("/subjects/{s}?permanent=true", subject);
                    return soft.statusCode() >= 500 || hard.statusCode() >= 500
                            ? "delete " + soft.statusCode() + "/" + hard.statusCode() + " " + hard.asString() : null;
                }, pool));
                for (int i = 0; i < 4; i++) {
                    String other = subject + "-other-" + i;
                    calls.add(CompletableFuture.supplyAsync(() -> {
                        // the same content: it may be the one the delete is removing
                        var r = client().body(body(Map.of("schema", schema))).post("/subjects/{s}/versions", other);
                        if (r.statusCode() >= 500) {
                            return "register " + r.statusCode() + " " + r.asString();
                        }
                        int id = r.path("id");
                        var read = client().get("/schemas/ids/{id}", id);
                        return read.statusCode() != 200 ? "registered id " + id + " then read " + read.statusCode() : null;
                    }, pool));
                }
                for (CompletableFuture<String> call : calls) {
                    String failure = call.get();
                    if (failure != null) {
                        failures.add("round " + round + ": " + failure);
                    }
                }
            }
        } finally {
            pool.shutdown();
        }
        assertTrue(failures.isEmpty(), String.join("\n", failures));
    }

    /** Found by RestFuzzTest: two first writes of one subject's mode both inserted the row (500 at commit). */
    @Test
    void concurrentFirstWritesOfAModeOrConfigNeverAnswer500() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(6);
        List<String> failures = new ArrayList<>();
        try {
            for (int round = 0; round < 20; round++) {
                String subject = subject("race-setting");
                List<CompletableFuture<String>> calls = new ArrayList<>();
                for (int i = 0; i < 6; i++) {
                    int kind = i;
                    calls.add(CompletableFuture.supplyAsync(() -> {
                        var r = switch (kind % 3) {
                            case 0 -> client().body(body(Map.of("mode", "READONLY"))).put("/mode/{s}", subject);
                            case 1 -> client().body(body(Map.of("compatibility", "FULL"))).put("/config/{s}", subject);
                            default -> kind < 3 ? client().delete("/mode/{s}", subject) : client().delete("/config/{s}", subject);
                        };
                        return r.statusCode() >= 500 ? kind + ": " + r.statusCode() + " " + r.asString() : null;
                    }, pool));
                }
                for (CompletableFuture<String> call : calls) {
                    String failure = call.get();
                    if (failure != null) {
                        failures.add("round " + round + ": " + failure);
                    }
                }
            }
        } finally {
            pool.shutdown();
        }
        assertTrue(failures.isEmpty(), String.join("\n", failures));
    }

    @Test
    void softAndPermanentDeletesRacingRegistrationsNeverAnswer500() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(6);
        List<String> failures = new ArrayList<>();
        try {
            for (int round = 0; round < 20; round++) {
                String subject = subject("race");
                register(subject, body(Map.of("schema", record("R", "a:int")))).statusCode(200);
                List<CompletableFuture<String>> calls = new ArrayList<>();
                for (int i = 0; i < 4; i++) {
                    String schema = record("R", "a:int", "f" + i + ":string=\"x\"");
                    calls.add(CompletableFuture.supplyAsync(() -> {
                        var r = client().body(body(Map.of("schema", schema))).post("/subjects/{s}/versions", subject);
                        return r.statusCode() >= 500 ? "register " + r.statusCode() + " " + r.asString() : null;
                    }, pool));
                }
                calls.add(CompletableFuture.supplyAsync(() -> {
                    var soft = client().delete("/subjects/{s}", subject);
                    var hard = client().delete("/subjects/{s}?permanent=true", subject);
                    return soft.statusCode() >= 500 || hard.statusCode() >= 500
                            ? "delete " + soft.statusCode() + "/" + hard.statusCode() + " " + soft.asString() + hard.asString()
                            : null;
                }, pool));
                for (CompletableFuture<String> call : calls) {
                    String failure = call.get();
                    if (failure != null) {
                        failures.add("round " + round + ": " + failure);
                    }
                }
            }
        } finally {
            pool.shutdown();
        }
        assertTrue(failures.isEmpty(), String.join("\n", failures));
    }
}
