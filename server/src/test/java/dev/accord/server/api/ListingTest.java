package dev.accord.server.api;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.hamcrest.Matchers.equalTo;

/** The lists page, filter and search in the database, with Confluent's offset/limit semantics (-1 = all). */
@QuarkusTest
class ListingTest extends ApiTest {

    @Test
    void listsArePagedAfterFilteringAndShowEachSubjectsLatest() {
        String prefix = subject("paged") + ".";
        List<String> names = List.of(prefix + "a", prefix + "b", prefix + "c", prefix + "d");
        for (String name : names) {
            client().body(body(record("R", "x:int"))).post("/subjects/{s}/versions", name).then().statusCode(200);
        }
        client().body(body(record("R", "x:int", "y:int=0"))).post("/subjects/{s}/versions", prefix + "b")
                .then().statusCode(200);
        client().delete("/subjects/{s}", prefix + "c").then().statusCode(200);

        client().get("/subjects?subjectPrefix=" + prefix).then().statusCode(200)
                .body("", equalTo(List.of(prefix + "a", prefix + "b", prefix + "d")));
        client().get("/subjects?subjectPrefix=" + prefix + "&offset=1&limit=1").then().statusCode(200)
                .body("", equalTo(List.of(prefix + "b")));
        client().get("/subjects?subjectPrefix=" + prefix + "&deleted=true&offset=2&limit=-1").then().statusCode(200)
                .body("", equalTo(List.of(prefix + "c", prefix + "d")));
        client().get("/subjects?subjectPrefix=" + prefix + "&deletedOnly=true").then().statusCode(200)
                .body("", equalTo(List.of(prefix + "c")));

        client().get("/schemas?subjectPrefix=" + prefix + "&latestOnly=true").then().statusCode(200)
                .body("subject", equalTo(List.of(prefix + "a", prefix + "b", prefix + "d")))
                .body("version", equalTo(List.of(1, 2, 1)));
        client().get("/schemas?subjectPrefix=" + prefix + "&offset=1&limit=2").then().statusCode(200)
                .body("subject", equalTo(List.of(prefix + "b", prefix + "b")))
                .body("version", equalTo(List.of(1, 2)));

        String search = prefix.toUpperCase(java.util.Locale.ROOT);
        client().get("/v1/subjects?search=" + search).then().statusCode(200)
                .body("subject", equalTo(List.of(prefix + "a", prefix + "b", prefix + "d")))
                .body("latestVersion", equalTo(List.of(1, 2, 1)))
                .body("versions", equalTo(List.of(1, 2, 1)));
        client().get("/v1/subjects?search=" + search + "&deleted=true&offset=2&limit=1").then().statusCode(200)
                .body("subject", equalTo(List.of(prefix + "c")))
                .body("deleted", equalTo(List.of(true)))
                .body("versions", equalTo(List.of(0)));
        client().get("/v1/subjects/{s}", prefix + "c").then().statusCode(200).body("latestVersion", equalTo(1));

        // the summaries follow soft and permanent deletes of single versions and whole subjects
        client().delete("/subjects/{s}/versions/2", prefix + "b").then().statusCode(200);
        client().get("/v1/subjects/{s}", prefix + "b").then().statusCode(200)
                .body("latestVersion", equalTo(1)).body("versions", equalTo(1));
        client().get("/schemas?subjectPrefix=" + prefix + "b&latestOnly=true").then().statusCode(200)
                .body("version", equalTo(List.of(1)));
        client().get("/schemas?subjectPrefix=" + prefix + "b&latestOnly=true&deleted=true").then().statusCode(200)
                .body("version", equalTo(List.of(2)));
        client().delete("/subjects/{s}?permanent=true", prefix + "c").then().statusCode(200);
        client().get("/subjects?subjectPrefix=" + prefix + "&deleted=true").then().statusCode(200)
                .body("", equalTo(List.of(prefix + "a", prefix + "b", prefix + "d")));
        client().get("/v1/subjects/{s}", prefix + "c").then().statusCode(404);
    }
}
