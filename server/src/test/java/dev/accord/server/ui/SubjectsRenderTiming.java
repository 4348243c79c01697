package dev.accord.server.ui;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Not a test but a measurement: how long the subjects page takes to show its first rows on a running server
 * (e.g. one filled with {@code ui/scripts/seed.py --subjects 10000}), and how long a search keystroke takes.
 * {@code ./mvnw -pl server test -Dtest=SubjectsRenderTiming -Daccord.ui.timing.url=http://localhost:8080}.
 * Prints the figures and writes them to target/ui-timing.txt.
 */
@EnabledIfSystemProperty(named = "accord.ui.timing.url", matches = ".+")
class SubjectsRenderTiming {

    private static final int RUNS = 7;

    @Test
    void subjectsPage() throws Exception {
        String url = System.getProperty("accord.ui.timing.url").replaceAll("/$", "") + "/ui/subjects";
        ChromeDriver driver = Chromium.start(1280, 900);
        StringBuilder report = new StringBuilder();
        try {
            WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(60));
            List<Double> render = new ArrayList<>();
            List<Double> api = new ArrayList<>();
            List<Double> filter = new ArrayList<>();
            long subjects = 0;
            long rowsInDom = 0;
            double apiBytes = 0;
            for (int run = 0; run < RUNS; run++) {
                driver.get(url);
                wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("table.subjects tbody tr:not(.spacer)")));
                wait.until(d -> (Boolean) driver.executeScript(
                        "return performance.getEntriesByName('accord:subjects-rendered').length > 0"));
                @SuppressWarnings("unchecked")
                Map<String, Object> m = (Map<String, Object>) driver.executeScript("""
                        const mark = performance.getEntriesByName('accord:subjects-rendered')[0];
                        const res = performance.getEntriesByType('resource').find(r => r.name.includes('/v1/subjects'));
                        return { render: mark.startTime, api: res ? res.duration : -1,
                                 bytes: res ? (res.encodedBodySize || res.transferSize) : -1,
                                 rows: document.querySelectorAll('table.subjects tbody tr:not(.spacer)').length,
                                 total: Number(document.querySelector('table.subjects').getAttribute('aria-rowcount')) - 1 };
                        """);
                render.add(((Number) m.get("render")).doubleValue());
                api.add(((Number) m.get("api")).doubleValue());
                apiBytes = ((Number) m.get("bytes")).doubleValue();
                rowsInDom = ((Number) m.get("rows")).longValue();
                subjects = ((Number) m.get("total")).longValue();

                // one keystroke in the search box until the filtered list is painted
                Object ms = driver.executeAsyncScript("""
                        const done = arguments[arguments.length - 1];
                        const input = document.getElementById('subject-search');
                        const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set;
                        const t0 = performance.now();
                        setter.call(input, '0042');
                        input.dispatchEvent(new Event('input', { bubbles: true }));
                        requestAnimationFrame(() => setTimeout(() => done(performance.now() - t0), 0));
                        """);
                filter.add(((Number) ms).doubleValue());
            }
            report.append("subjects listed: ").append(subjects).append('\n')
                    .append("rows in the DOM: ").append(rowsInDom).append('\n')
                    .append(String.format("GET /v1/subjects body: %.0f KB%n", apiBytes / 1024))
                    .append("first render (navigation start -> rows painted), ms, first run cold: ").append(rounded(render)).append('\n')
                    .append(String.format("  median of warm runs: %.0f ms%n", median(render.subList(1, render.size()))))
                    .append("GET /v1/subjects duration, ms: ").append(rounded(api)).append('\n')
                    .append("search keystroke -> filtered list painted, ms: ").append(rounded(filter)).append('\n')
                    .append(String.format("  median: %.0f ms%n", median(filter)));
        } finally {
            driver.quit();
        }
        System.out.println(report);
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target", "ui-timing.txt"), report);
    }

    private static List<Long> rounded(List<Double> values) {
        return values.stream().map(Math::round).toList();
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }
}
