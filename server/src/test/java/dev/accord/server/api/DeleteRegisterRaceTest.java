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
