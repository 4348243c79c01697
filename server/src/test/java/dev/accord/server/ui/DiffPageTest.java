package dev.accord.server.ui;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import java.util.List;

/** The diff page lists the semantic changes between two versions and shows each one in the schemas. */
@QuarkusTest
class DiffPageTest extends UiTest {

    @Test
    void listsABreakingChangeWithItsRuleId() {
        String subject = unique("uidiff");
        setLevel(subject, "NONE"); // let the breaking version in
        register(subject, "{\"type\":\"record\",\"name\":\"Order\",\"fields\":[{\"name\":\"id\",\"type\":\"string\"}]}");
        register(subject, "{\"type\":\"record\",\"name\":\"Order\",\"fields\":[{\"name\":\"id\",\"type\":\"string\"},"
                + "{\"name\":\"customer\",\"type\":\"string\"}]}");

        open("/subjects/" + subject + "/diff?from=1&to=2");
        waitForText(By.tagName("h1"), "v1 → v2");
        WebElement change = wait.until(d -> d.findElements(By.cssSelector("ol.changes > li")).stream()
                .filter(li -> li.getText().contains("READER_FIELD_MISSING_DEFAULT_VALUE")).findFirst().orElse(null));
        assertContains(change.getText(), "breaks BACKWARD");
        assertContains(change.getText(), "/fields/1");
        assertContains(driver.findElement(By.cssSelector(".verdicts .verdict.bad")).getText(), "BACKWARD");

        // selecting the change highlights the new field in the new schema
        change.findElement(By.cssSelector("button.change-head")).click();
        wait.until(d -> !d.findElements(By.cssSelector("[data-line].hl[id^='new-']")).isEmpty());
        List<WebElement> lit = driver.findElements(By.cssSelector("[data-line].hl[id^='new-']"));
        assertContains(lit.stream().map(WebElement::getText).reduce("", String::concat), "customer");
        assertContains(driver.getCurrentUrl(), "change=");
    }
}
