package dev.accord.server.ui;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Settings change the global compatibility level (and the test puts the old one back). */
@QuarkusTest
class SettingsPageTest extends UiTest {

    @Test
    void changesTheGlobalLevel() {
        String before = api().get("/config").then().statusCode(200).extract().path("compatibilityLevel");
        String target = "FULL_TRANSITIVE".equals(before) ? "FORWARD" : "FULL_TRANSITIVE";
        try {
            open("/settings");
            waitForText(By.id("current-global-level"), before);
            new Select(visible(By.id("global-level"))).selectByVisibleText(target);
            driver.findElement(By.id("save-global-config")).click();
            waitForText(By.id("settings-status"), "the global compatibility level is now " + target);
            waitForText(By.id("current-global-level"), target);
            assertEquals(target, api().get("/config").then().statusCode(200).extract().path("compatibilityLevel"));
        } finally {
            api().body(json(Map.of("compatibility", before))).put("/config").then().statusCode(200);
        }
    }
}
