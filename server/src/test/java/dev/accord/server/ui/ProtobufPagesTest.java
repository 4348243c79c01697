package dev.accord.server.ui;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** Protobuf in the UI: highlighted .proto text, changes marked on their lines, a .proto file opened in the playground. */
@QuarkusTest
class ProtobufPagesTest extends UiTest {

    static final String V1 = """
            syntax = "proto3";
            package acme.orders;

            message Order {
              string id = 1;
              int32 quantity = 2;
            }
            """;
    static final String V2_BREAKING = """
            syntax = "proto3";
            package acme.orders;

            message Order {
              string id = 1;
              string quantity = 2;
              string note = 3;
            }
            """;

    @Test
    void theDiffMarksTheChangedFieldOnItsLineInBothProtoFiles() {
        String subject = unique("uiproto");
        setLevel(subject, "NONE");
        registerProto(subject, V1);
        registerProto(subject, V2_BREAKING);

        open("/subjects/" + subject + "/diff?from=1&to=2");
        waitForText(By.tagName("h1"), "v1 → v2");
        WebElement change = wait.until(d -> d.findElements(By.cssSelector("ol.changes > li")).stream()
                .filter(li -> li.getText().contains("FIELD_SCALAR_KIND_CHANGED")).findFirst().orElse(null));
        assertContains(change.getText(), "/Order/fields/2");
        // both texts are highlighted with the Protobuf grammar
        assertFalse(driver.findElements(By.cssSelector("code.language-protobuf .hljs-keyword")).isEmpty(),
                "protobuf keywords are highlighted");

        change.findElement(By.cssSelector("button.change-head")).click();
        wait.until(d -> !d.findElements(By.cssSelector("[data-line].hl[id^='new-']")).isEmpty());
        List<WebElement> oldLit = driver.findElements(By.cssSelector("[data-line].hl[id^='old-']"));
        List<WebElement> newLit = driver.findElements(By.cssSelector("[data-line].hl[id^='new-']"));
        assertEquals(1, oldLit.size());
        assertEquals(1, newLit.size());
        assertContains(oldLit.get(0).getText(), "int32 quantity = 2;");
        assertContains(newLit.get(0).getText(), "string quantity = 2;");
        // the breaking line carries the gutter mark in the new file
        assertFalse(driver.findElements(By.cssSelector("[id^='new-'].mark-breaking")).isEmpty());
    }

    @Test
    void thePlaygroundOpensAProtoFileAndSelectsTheChangeInTheEditor() throws Exception {
        String subject = unique("uiprototry");
        registerProto(subject, V1);

        open("/subjects/" + subject + "/try");
        WebElement editor = visible(By.id("try-schema"));
        wait.until(d -> editor.getAttribute("value").contains("message Order"));

        Path file = Files.createTempFile("order", ".proto");
        Files.writeString(file, V2_BREAKING);
        driver.findElement(By.id("try-file")).sendKeys(file.toAbsolutePath().toString());
        wait.until(d -> editor.getAttribute("value").contains("string note = 3;"));
        assertEquals("PROTOBUF", driver.findElement(By.id("try-type")).getAttribute("value"));

        driver.findElement(By.xpath("//button[normalize-space()='Check compatibility']")).click();
        waitForText(By.id("try-verdict"), "Incompatible");
        String verdict = driver.findElement(By.id("try-verdict")).getText();
        assertContains(verdict, "FIELD_SCALAR_KIND_CHANGED");
        assertFalse(driver.findElement(By.id("try-register")).isEnabled(), "register is disabled for a refused schema");

        // the path in the result selects the field's line in the editor
        driver.findElement(By.xpath("//button[code[normalize-space()='/Order/fields/2']]")).click();
        Object selected = driver.executeScript(
                "const a = document.getElementById('try-schema'); return a.value.slice(a.selectionStart, a.selectionEnd);");
        assertEquals("  string quantity = 2;", selected);
        // the version it was compared with, highlighted, its changed line marked
        WebElement compared = driver.findElement(By.cssSelector("details.compared"));
        assertFalse(compared.findElements(By.cssSelector("code.language-protobuf .hljs-keyword")).isEmpty());
        assertContains(compared.findElement(By.cssSelector(".mark-breaking")).getText(), "int32 quantity = 2;");
    }
}
