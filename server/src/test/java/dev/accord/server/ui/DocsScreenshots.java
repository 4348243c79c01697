package dev.accord.server.ui;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Map;

/**
 * Not a test: takes the README's screenshots (docs/screenshots/*.png) of a running server filled with
 * {@code ui/scripts/seed.py --demo}. Runs only when asked:
 * {@code ./mvnw -pl server test -Dtest=DocsScreenshots -Daccord.ui.screenshots.url=http://localhost:8080}.
 */
@EnabledIfSystemProperty(named = "accord.ui.screenshots.url", matches = ".+")
class DocsScreenshots {

    static ChromeDriver driver;
    static WebDriverWait wait;
    static String base;
    static final Path OUT = Path.of(System.getProperty("accord.ui.screenshots.dir", "../docs/screenshots"));

    @BeforeAll
    static void start() throws Exception {
        base = System.getProperty("accord.ui.screenshots.url").replaceAll("/$", "") + "/ui";
        driver = Chromium.start(1280, 900);
        wait = new WebDriverWait(driver, Duration.ofSeconds(20));
        Files.createDirectories(OUT);
    }

    @AfterAll
    static void stop() {
        driver.quit();
    }

    @Test
    void pages() throws Exception {
        open("/");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("table.activity")));
        save("overview", 900);

        open("/subjects");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("table.subjects")));
        save("subjects", 760);

        open("/subjects/payments-value");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("ol.timeline")));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("section[aria-labelledby=refby-h]"), "No schema"));
        save("subject", 1000);

        open("/subjects/payments-value/versions/2");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".code")));
        save("version", 900);

        open("/subjects/orders-value/diff?from=2&to=3&change=2");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".line.hl")));
        save("diff", 1420);

        open("/subjects/orders-value/try");
        WebElement editor = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("try-schema")));
        wait.until(d -> editor.getAttribute("value").contains("\"Order\""));
        String current = editor.getAttribute("value");
        // the latest version plus a required field: refused at BACKWARD, with the rule and the fix
        String changed = current.substring(0, current.lastIndexOf(']')).stripTrailing()
                + ",\n    {\n      \"name\": \"priority\",\n      \"type\": \"int\"\n    }\n  ]\n}";
        editor.click();
        editor.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
        editor.sendKeys(changed);
        driver.findElement(By.xpath("//button[normalize-space()='Check compatibility']")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("try-verdict"), "Incompatible"));
        driver.executeScript("window.scrollTo(0, 0)");
        save("playground", 1000);
    }

    private void open(String path) {
        driver.get(base + path);
    }

    /** Saves the top of the page as a 1280 x height PNG (an exact viewport, not the window size). */
    private void save(String name, int height) throws Exception {
        driver.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                Map.of("width", 1280, "height", height, "deviceScaleFactor", 1, "mobile", false));
        Thread.sleep(400); // let the layout settle after the resize
        Path png = driver.getScreenshotAs(OutputType.FILE).toPath();
        Path target = OUT.resolve(name + ".png");
        Files.copy(png, target, StandardCopyOption.REPLACE_EXISTING);
        Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rw-r--r--"));
        driver.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
    }
}
