package dev.accord.server.ui;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Every UI address reloads (the server answers index.html for /ui/* paths), and browsers opening / land in the UI. */
@QuarkusTest
class DeepLinkTest extends UiTest {

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void aDeepLinkReloads() {
        String subject = unique("uideep");
        register(subject, "{\"type\":\"record\",\"name\":\"Order\",\"fields\":[{\"name\":\"id\",\"type\":\"string\"}]}");
        open("/subjects/" + subject + "/versions/1");
        waitForText(By.tagName("h1"), subject + " version 1");
        visible(By.cssSelector(".code"));
        driver.navigate().refresh();
        waitForText(By.tagName("h1"), subject + " version 1");
        waitForText(By.cssSelector("dl.facts"), "Global id");
    }

    @Test
    void browsersOpeningTheRootLandInTheUi() throws Exception {
        driver.get(url("/"));
        wait.until(d -> d.getCurrentUrl().endsWith("/ui/"));
        waitForText(By.tagName("h1"), "Overview");
    }

    @Test
    void theServerAnswersIndexHtmlForUiPathsThatAreNotFiles() throws Exception {
        HttpResponse<String> page = get("ui/subjects/orders-value/versions/3", "text/html");
        assertEquals(200, page.statusCode());
        assertContains(page.headers().firstValue("content-type").orElse(""), "text/html");
        assertContains(page.body(), "<div id=\"app\">");

        assertEquals(404, get("ui/assets/missing.js", "*/*").statusCode());

        HttpResponse<String> slashless = get("ui", "text/html");
        assertEquals(302, slashless.statusCode());
        assertEquals("/ui/", slashless.headers().firstValue("location").orElse(""));

        HttpResponse<String> browser = get("", "text/html,application/xhtml+xml,*/*;q=0.8");
        assertEquals(302, browser.statusCode());
        assertEquals("/ui/", browser.headers().firstValue("location").orElse(""));

        HttpResponse<String> client = get("", "application/vnd.schemaregistry.v1+json");
        assertEquals(200, client.statusCode());
        assertEquals("{}", client.body());
    }

    private HttpResponse<String> get(String path, String accept) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(url(path))).header("Accept", accept).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
