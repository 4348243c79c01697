package dev.accord.server.api;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class EventLogTest extends ApiTest {

    @Test
    void everyStateChangeAppendsAnEventInOrderWithoutGaps() {
        long before = BadInputTest.lastEventSeq();
        String subject = subject("audited");
        setCompatibility(subject, "NONE");
        int id = registerOk(subject, record("Ev", "a:int"));
        registerOk(subject, record("Ev", "a:int")); // idempotent: no event
        registerOk(subject, record("Ev2", "b:int"));
        client().delete("/subjects/{s}/versions/1", subject).then().statusCode(200);
        client().queryParam("permanent", "true").delete("/subjects/{s}/versions/1", subject).then().statusCode(200);
        client().body("{\"mode\":\"READONLY\"}").put("/mode/{s}", subject).then().statusCode(200);
        client().delete("/mode/{s}", subject).then().statusCode(200);
        client().delete("/config/{s}", subject).then().statusCode(200);

        JsonPath events = client().queryParam("after", before).get("/v1/events").then().statusCode(200)
                .extract().jsonPath();
        List<Map<String, Object>> mine = events.getList("findAll { it.subject == '" + subject + "' }");
        assertEquals(List.of("CONFIG_CHANGED", "SCHEMA_REGISTERED", "SCHEMA_REGISTERED", "VERSION_SOFT_DELETED", "VERSION_DELETED",
                "MODE_CHANGED", "MODE_DELETED", "CONFIG_DELETED"), mine.stream().map(e -> e.get("type")).toList());
        Map<String, Object> registered = mine.get(1);
        assertEquals(id, registered.get("id"));
        assertEquals(1, registered.get("version"));
        List<Integer> seqs = events.getList("seq", Integer.class);
        for (int i = 1; i < seqs.size(); i++) {
            assertEquals(seqs.get(i - 1) + 1, seqs.get(i), "sequence numbers have no gaps");
        }
        assertTrue(seqs.get(0) > before);
    }

    @Test
    void pagesWithAfterAndLimit() {
        String subject = subject("paged");
        setCompatibility(subject, "NONE");
        long before = BadInputTest.lastEventSeq();
        for (int i = 0; i < 3; i++) {
            registerOk(subject, record("P" + i, "a:int"));
        }
        client().queryParam("after", before).queryParam("limit", 2).get("/v1/events").then().statusCode(200)
                .body("size()", equalTo(2)).body("[0].seq", equalTo((int) before + 1));
        client().queryParam("after", before + 2).queryParam("limit", 2).get("/v1/events").then()
                .body("size()", equalTo(1)).body("[0].type", equalTo("SCHEMA_REGISTERED"));
    }
}
