package dev.accord.server.ui;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** Try a change: the verdict for the subject's level with its reasons, then a one-click registration. */
@QuarkusTest
class PlaygroundTest extends UiTest {

    @Test
    void reportsAnIncompatibleSchemaThenRegistersACompatibleOne() {
        String subject = unique("uitry");
        register(subject, "{\"type\":\"record\",\"name\":\"Order\",\"fields\":[{\"name\":\"id\",\"type\":\"string\"}]}");

        open("/subjects/" + subject + "/try");
        WebElement editor = visible(By.id("try-schema"));
        wait.until(d -> editor.getAttribute("value").contains("\"Order\""));

        // a new field without a default: BACKWARD refuses it
        type(editor, "{\"type\":\"record\",\"name\":\"Order\",\"fields\":[{\"name\":\"id\",\"type\":\"string\"},"
                + "{\"name\":\"qty\",\"type\":\"int\"}]}");
        driver.findElement(By.xpath("//button[normalize-space()='Check compatibility']")).click();
        waitForText(By.id("try-verdict"), "Incompatible");
        String verdict = driver.findElement(By.id("try-verdict")).getText();
        assertContains(verdict, "BACKWARD");
        assertContains(verdict, "READER_FIELD_MISSING_DEFAULT_VALUE");
        assertContains(verdict, "Fix:");
        assertFalse(driver.findElement(By.id("try-register")).isEnabled(), "register is disabled for a refused schema");

        // with a default it is accepted, and one click registers it
        type(editor, "{\"type\":\"record\",\"name\":\"Order\",\"fields\":[{\"name\":\"id\",\"type\":\"string\"},"
                + "{\"name\":\"qty\",\"type\":\"int\",\"default\":0}]}");
        driver.findElement(By.xpath("//button[normalize-space()='Check compatibility']")).click();
        waitForText(By.id("try-verdict"), "Compatible");
        WebElement registerButton = driver.findElement(By.id("try-register"));
        assertEquals("Register as version 2", registerButton.getText());
        registerButton.click();
        waitForText(By.id("try-registered"), "Registered as " + subject + " version 2");

        assertEquals(List.of(1, 2), versions(subject));
        String latest = api().get("/subjects/{s}/versions/latest", subject).then().statusCode(200).extract().path("schema");
        assertContains(latest, "\"qty\"");
    }
}
