package dev.accord.server.api;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/**
 * Work bounded by a budget: with a 1 ms budget, small schemas are answered as always (the clock is not even read
 * for them) and large ones are refused with 422 / 42209 naming the budget, with nothing written.
 */
@QuarkusTest
@TestProfile(TinyWorkBudgetProfile.class)
class WorkBudgetTest extends ApiTest {

    @Test
    void aRegistrationOverTheBudgetIs42209AndWritesNothing() {
        String subject = subject("budget");
        register(subject, body(record("Small", "a:int"))).statusCode(200);

        register(subject, body(wideRecord(3_000))).statusCode(422)
                .body("error_code", equalTo(42209))
                .body("message", containsString("accord.limits.request-budget"));

        client().get("/subjects/{s}/versions", subject).then().statusCode(200).body("", equalTo(List.of(1)));
    }

    @Test
    void aDiffOverTheBudgetIs42209AndSmallDiffsStillAnswer() {
        client().body(body(Map.of("old", wideRecord(3_000), "new", wideRecord(2_999))))
                .post("/v1/diff").then().statusCode(422).body("error_code", equalTo(42209));
        client().body(body(Map.of("old", record("D", "a:int"), "new", record("D", "a:int", "b:int=0"))))
                .post("/v1/diff").then().statusCode(200);
    }

    private static String wideRecord(int fields) {
        String[] spec = new String[fields];
        for (int i = 0; i < fields; i++) {
            spec[i] = "f" + i + ":{\"type\":\"record\",\"name\":\"R" + i + "\",\"fields\":[{\"name\":\"x\",\"type\":\"int\"}]}";
        }
        return record("Wide", spec);
    }
}
