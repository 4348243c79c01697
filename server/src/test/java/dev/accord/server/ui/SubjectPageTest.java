package dev.accord.server.ui;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A subject's page: its versions as a timeline with ids and soft-deleted markers, and a version's page. */
@QuarkusTest
class SubjectPageTest extends UiTest {

    @Test
    void showsTheVersionsOfASubject() {
        String subject = unique("uisubject");
        register(subject, "{\"type\":\"record\",\"name\":\"Order\",\"fields\":[{\"name\":\"id\",\"type\":\"string\"}]}");
        register(subject, "{\"type\":\"record\",\"name\":\"Order\",\"fields\":[{\"name\":\"id\",\"type\":\"string\"},"
                + "{\"name\":\"note\",\"type\":\"string\",\"default\":\"\"}]}");
        register(subject, "{\"type\":\"record\",\"name\":\"Order\",\"fields\":[{\"name\":\"id\",\"type\":\"string\"},"
                + "{\"name\":\"qty\",\"type\":\"int\",\"default\":0}]}");
        api().delete("/subjects/{s}/versions/2", subject).then().statusCode(200);

        open("/subjects/" + subject);
        waitForText(By.tagName("h1"), subject);
        List<WebElement> items = wait.until(d -> {
            List<WebElement> found = d.findElements(By.cssSelector("ol.timeline > li"));
            return found.size() == 3 ? found : null;
        });
        // newest first, the soft-deleted version marked, each with its id
        assertContains(items.get(0).getText(), "Version 3");
        assertContains(items.get(0).getText(), "latest");
        assertContains(items.get(1).getText(), "Version 2");
        assertContains(items.get(1).getText(), "soft-deleted");
        assertContains(items.get(2).getText(), "Version 1");
        assertContains(items.get(2).getText(), "id ");
        waitForText(By.cssSelector("section[aria-labelledby=compat-h]"), "BACKWARD");
        assertContains(driver.findElement(By.cssSelector("section[aria-labelledby=compat-h]")).getText(), "inherited from global");

        // the version page: pretty-printed, highlighted schema, its id, and the raw answer on demand
        items.get(2).findElement(By.linkText("Version 1")).click();
        waitForText(By.tagName("h1"), "version 1");
        WebElement code = visible(By.cssSelector(".code code.language-json"));
        assertContains(code.getText(), "\"name\": \"Order\"");
        assertEquals(false, driver.findElements(By.cssSelector(".code .hljs-attr")).isEmpty(), "syntax highlighted");
        driver.findElement(By.xpath("//button[normalize-space()='Show raw API response']")).click();
        waitForText(By.cssSelector(".raw"), "\"subject\": \"" + subject + "\"");
    }
}
