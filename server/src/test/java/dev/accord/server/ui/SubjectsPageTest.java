package dev.accord.server.ui;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The subjects list: it shows what was registered, and search and filters narrow it. */
@QuarkusTest
class SubjectsPageTest extends UiTest {

    private static final By ROWS = By.cssSelector("table.subjects tbody tr:not(.spacer)");

    @Test
    void listsSubjectsAndFiltersThem() {
        String prefix = unique("uilist");
        for (String name : List.of("orders-value", "payments-value", "users-value")) {
            register(prefix + "-" + name, "{\"type\":\"record\",\"name\":\"R\",\"fields\":[{\"name\":\"id\",\"type\":\"string\"}]}");
        }

        open("/subjects");
        visible(By.cssSelector("table.subjects"));
        WebElement search = visible(By.id("subject-search"));
        type(search, prefix);
        waitForText(By.id("subjects-count"), "3 of ");
        List<String> names = driver.findElements(ROWS).stream().map(r -> r.findElement(By.cssSelector("td a")).getText()).toList();
        assertEquals(List.of(prefix + "-orders-value", prefix + "-payments-value", prefix + "-users-value"), names);
        // the filter is in the address: a reload or a shared link shows the same list
        assertContains(driver.getCurrentUrl(), "q=" + prefix);

        type(search, prefix + "-pay");
        waitForText(By.id("subjects-count"), "1 of ");
        assertEquals(1, driver.findElements(ROWS).size());
        assertContains(driver.findElement(ROWS).getText(), "BACKWARD");

        // sort by name, descending, by clicking the sorted column header
        type(search, prefix);
        waitForText(By.id("subjects-count"), "3 of ");
        driver.findElement(By.cssSelector("th.c-subject button")).click();
        wait.until(d -> d.findElement(By.cssSelector("th.c-subject")).getAttribute("aria-sort").equals("descending"));
        assertEquals(prefix + "-users-value", driver.findElements(ROWS).get(0).findElement(By.cssSelector("td a")).getText());

        // a type with no match shows the empty state, and clearing the filters brings the list back
        new Select(driver.findElement(By.id("subject-type"))).selectByVisibleText("Protobuf");
        waitForText(By.cssSelector(".empty-title"), "No subject matches these filters.");
        driver.findElement(By.xpath("//button[normalize-space()='Clear the filters']")).click();
        visible(By.cssSelector("table.subjects"));
        assertEquals("", driver.findElement(By.id("subject-search")).getAttribute("value"));
    }

    @Test
    void aContextSelectorNarrowsTheListToOneContext() {
        String prefix = unique("uictx");
        String context = "." + prefix;
        String schema = "{\"type\":\"record\",\"name\":\"R\",\"fields\":[{\"name\":\"id\",\"type\":\"string\"}]}";
        register(prefix + "-orders", schema);
        register(":" + context + ":" + prefix + "-orders", schema);
        register(":" + context + ":" + prefix + "-payments", schema);

        open("/subjects?q=" + prefix);
        waitForText(By.id("subjects-count"), "3 of ");
        Select contexts = new Select(visible(By.id("subject-context")));
        contexts.selectByVisibleText(context);
        waitForText(By.id("subjects-count"), "2 of ");
        List<String> names = driver.findElements(ROWS).stream().map(r -> r.findElement(By.cssSelector("td a")).getText()).toList();
        assertEquals(List.of(":" + context + ":" + prefix + "-orders", ":" + context + ":" + prefix + "-payments"), names);
        assertContains(driver.getCurrentUrl(), "context=");
        new Select(driver.findElement(By.id("subject-context"))).selectByVisibleText("Default (.)");
        waitForText(By.id("subjects-count"), "1 of ");
        assertEquals(prefix + "-orders", driver.findElement(ROWS).findElement(By.cssSelector("td a")).getText());
    }

    @Test
    void opensASubjectFromTheList() {
        String subject = unique("uiopen");
        register(subject, "{\"type\":\"record\",\"name\":\"R\",\"fields\":[{\"name\":\"id\",\"type\":\"string\"}]}");
        open("/subjects?q=" + subject);
        visible(By.linkText(subject)).click();
        waitForText(By.tagName("h1"), subject);
        assertContains(driver.getCurrentUrl(), "/ui/subjects/" + subject);
    }
}
