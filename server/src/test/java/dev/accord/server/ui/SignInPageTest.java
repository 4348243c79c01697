package dev.accord.server.ui;

import dev.accord.server.api.AuthEnabledProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** With authentication on: sign in, see who you are, manage keys as an admin, and see what you may not do. */
@QuarkusTest
@TestProfile(AuthEnabledProfile.class)
class SignInPageTest extends UiTest {

    private void signIn(String user, String secret) {
        open("/sign-in");
        visible(By.id("signin-user")).sendKeys(user);
        driver.findElement(By.id("signin-secret")).sendKeys(secret);
        driver.findElement(By.xpath("//button[normalize-space()='Sign in']")).click();
        waitForText(By.id("who"), "Signed in as " + user);
    }

    @Test
    void anAdminSignsInCreatesAKeySeesItsSecretOnceAndRevokesIt() {
        signIn("admin", AuthEnabledProfile.ADMIN_PASSWORD);
        driver.findElement(By.linkText("Access")).click();
        visible(By.id("key-description")).sendKeys("ui test key");
        driver.findElement(By.id("key-subjects")).clear();
        driver.findElement(By.id("key-subjects")).sendKeys("ui.*");
        driver.findElement(By.xpath("//button[normalize-space()='Create key']")).click();
        String secret = visible(By.id("key-secret")).getText();
        String key = driver.findElement(By.cssSelector("#key-created code")).getText();
        assertTrue(secret.length() > 20, secret);

        WebElement row = wait.until(d -> d.findElements(By.cssSelector("#keys tr[data-id='" + key + "']")).stream()
                .findFirst().orElse(null));
        assertFalse(row.getText().contains(secret), "the table never shows the secret");
        row.findElement(By.xpath(".//button[normalize-space()='Revoke']")).click();
        wait.until(d -> d.findElement(By.cssSelector("#keys tr[data-id='" + key + "']")).getText().contains("revoked"));
        assertEquals(401, api().header("Authorization", "Basic " + java.util.Base64.getEncoder()
                .encodeToString((key + ":" + secret).getBytes())).get("/subjects").statusCode());

        driver.findElement(By.xpath("//button[normalize-space()='Sign out']")).click();
        waitForText(By.id("who"), "Sign in");
    }

    @Test
    void aReaderSeesWhyItMayNotRegister() {
        String subject = unique("uiauth");
        String admin = "Basic " + java.util.Base64.getEncoder().encodeToString(("admin:" + AuthEnabledProfile.ADMIN_PASSWORD).getBytes());
        api().header("Authorization", admin).body(json(java.util.Map.of("schema",
                "{\"type\":\"record\",\"name\":\"Order\",\"fields\":[{\"name\":\"id\",\"type\":\"string\"}]}")))
                .post("/subjects/{s}/versions", subject).then().statusCode(200);
        io.restassured.response.Response created = api().header("Authorization", admin)
                .body("{\"description\":\"ui reader\",\"role\":\"reader\",\"subjects\":[\"*\"]}").post("/v1/auth/keys");
        signIn(created.path("key"), created.path("secret"));

        // inside the app (a reload would sign out: the credentials live in the tab's memory only)
        driver.findElement(By.linkText("Try a change")).click();
        visible(By.id("try-subject")).sendKeys(subject);
        driver.findElement(By.xpath("//button[normalize-space()='Load subject']")).click();
        WebElement editor = visible(By.id("try-schema"));
        wait.until(d -> editor.getAttribute("value").contains("\"Order\""));
        WebElement register = driver.findElement(By.id("try-register"));
        assertFalse(register.isEnabled(), "a reader cannot register");
        assertTrue(register.getAttribute("title").contains("needs the writer role"), register.getAttribute("title"));
        // and no Access page for a non-admin
        assertTrue(driver.findElements(By.linkText("Access")).isEmpty());
    }
}
