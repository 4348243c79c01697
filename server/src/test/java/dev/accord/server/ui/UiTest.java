package dev.accord.server.ui;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.accord.server.api.ApiTest;
import io.quarkus.test.common.http.TestHTTPResource;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInfo;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.logging.Level;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Base of the browser tests: the packaged UI (the accord-ui jar on the test classpath) served by the test app
 * at /ui/, driven by Debian's Chromium through /usr/bin/chromedriver. One browser serves every UI test of the
 * JVM. Each test saves a screenshot under target/ui-screenshots/ and fails on any browser console error.
 */
public abstract class UiTest extends ApiTest {

    static final String V1 = "application/vnd.schemaregistry.v1+json";
    static final ObjectMapper JSON = new ObjectMapper();
    static final Path SCREENSHOTS = Path.of("target", "ui-screenshots");

    private static ChromeDriver shared;

    @TestHTTPResource("/")
    URL root;

    ChromeDriver driver;
    WebDriverWait wait;
    private String testName;

    @BeforeEach
    void openBrowser(TestInfo info) {
        driver = browser();
        wait = new WebDriverWait(driver, Duration.ofSeconds(20));
        testName = getClass().getSimpleName() + "-" + info.getTestMethod().orElseThrow().getName();
        driver.manage().logs().get(LogType.BROWSER); // start each test with an empty console
    }

    @AfterEach
    void screenshotAndConsole() throws IOException {
        screenshot(testName);
        List<String> errors = driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(entry -> entry.getLevel().intValue() >= Level.SEVERE.intValue())
                .map(LogEntry::toString)
                .toList();
        if (!errors.isEmpty()) {
            fail("The browser console has errors:\n  " + String.join("\n  ", errors));
        }
    }

    static synchronized ChromeDriver browser() {
        if (shared == null) {
            shared = Chromium.start(1280, 900);
            Runtime.getRuntime().addShutdownHook(new Thread(shared::quit));
        }
        return shared;
    }

    /** Opens a UI page, e.g. "/subjects/x" for /ui/subjects/x. */
    void open(String uiPath) {
        driver.get(url("ui" + uiPath));
    }

    String url(String path) {
        String base = root.toString();
        return (base.endsWith("/") ? base : base + "/") + (path.startsWith("/") ? path.substring(1) : path);
    }

    WebElement visible(By by) {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(by));
    }

    void waitForText(By by, String text) {
        wait.until(ExpectedConditions.textToBePresentInElementLocated(by, text));
    }

    /** Replaces the content of a field by typing, as a user would (select all, then type). */
    void type(WebElement field, String text) {
        field.click();
        field.sendKeys(Keys.chord(Keys.CONTROL, "a"));
        field.sendKeys(Keys.DELETE);
        field.sendKeys(text);
    }

    void screenshot(String name) throws IOException {
        Files.createDirectories(SCREENSHOTS);
        File png = driver.getScreenshotAs(OutputType.FILE);
        Files.copy(png.toPath(), SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }

    // ------------------------------------------------------------------------------------------ API helpers

    /** A subject name no other test uses. */
    static String unique(String hint) {
        return hint + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    static RequestSpecification api() {
        return given().contentType(V1).accept(V1);
    }

    static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Registers an Avro schema and returns its version, failing unless the registry accepts it. */
    static int register(String subject, String schema) {
        return api().body(json(Map.of("schema", schema))).post("/subjects/{s}/versions", subject)
                .then().statusCode(200).extract().path("version");
    }

    /** Registers a Protobuf schema (.proto text) and returns its version. */
    static int registerProto(String subject, String proto) {
        return api().body(json(Map.of("schemaType", "PROTOBUF", "schema", proto))).post("/subjects/{s}/versions", subject)
                .then().statusCode(200).extract().path("version");
    }

    static void setLevel(String subject, String level) {
        api().body(json(Map.of("compatibility", level))).put("/config/{s}", subject).then().statusCode(200);
    }

    static List<Integer> versions(String subject) {
        return api().get("/subjects/{s}/versions", subject).then().statusCode(200).extract().jsonPath()
                .getList("", Integer.class);
    }

    static void assertContains(String haystack, String needle) {
        assertTrue(haystack.contains(needle), () -> "Expected to find \"" + needle + "\" in:\n" + haystack);
    }
}
