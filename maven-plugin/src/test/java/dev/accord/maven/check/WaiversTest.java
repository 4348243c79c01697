package dev.accord.maven.check;

import dev.accord.core.format.SourceLocation;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WaiversTest {

    private static Finding finding(String rule, String subject, String path) {
        return Finding.error(path, new SourceLocation(3, 5, false), rule, "m", "h", subject, "git:main", null);
    }

    @Test
    void anIgnoreWaivesMatchingErrorsWithItsReason() {
        Waivers waivers = new Waivers(List.of(new Ignore("TYPE_MISMATCH", "orders-value", null, "no consumers yet")));
        Finding waived = waivers.apply(finding("TYPE_MISMATCH", "orders-value", "src/main/avro/orders.avsc"));
        assertTrue(waived.isWaived());
        assertFalse(waived.fails());
        assertEquals("no consumers yet", waived.waivedReason());
        assertTrue(waived.format().endsWith("waived: no consumers yet"));
        assertFalse(waivers.apply(finding("TYPE_MISMATCH", "other-value", "x.avsc")).isWaived());
        assertFalse(waivers.apply(finding("NAME_MISMATCH", "orders-value", "x.avsc")).isWaived());
        assertTrue(waivers.unused().isEmpty());
    }

    @Test
    void pathsMatchByPatternOrFolderAndSubjectsByWildcard() {
        assertTrue(new Ignore("*", null, "src/main/avro/legacy/", "r").matches(finding("X", "s",
                "src/main/avro/legacy/a.avsc")));
        assertTrue(new Ignore("X", null, "**/legacy/*.avsc", "r").matches(finding("X", "s",
                "src/main/avro/legacy/a.avsc")));
        assertFalse(new Ignore("X", null, "src/main/avro/legacy/", "r").matches(finding("X", "s",
                "src/main/avro/a.avsc")));
        assertTrue(new Ignore("X", "orders-*", null, "r").matches(finding("X", "orders-value", "a")));
        assertTrue(new Ignore("X", "orders-value", "./src/main/avro/a.avsc", "r").matches(finding("X",
                "orders-value", "src/main/avro/a.avsc")));
        assertFalse(new Ignore("X", "orders-value", "src/main/avro/b.avsc", "r").matches(finding("X",
                "orders-value", "src/main/avro/a.avsc")));
    }

    @Test
    void unusedIgnoresBecomeWarnings() {
        Waivers waivers = new Waivers(List.of(new Ignore("TYPE_MISMATCH", "gone-value", null, "old waiver")));
        waivers.apply(finding("TYPE_MISMATCH", "orders-value", "a"));
        List<Finding> unused = waivers.unused();
        assertEquals(1, unused.size());
        assertEquals(Finding.Severity.WARNING, unused.get(0).severity());
        assertEquals("UNUSED_IGNORE", unused.get(0).ruleId());
        assertTrue(unused.get(0).message().contains("old waiver"));
        assertNull(unused.get(0).path());
    }

    @Test
    void anIgnoreNeedsARuleASubjectOrPathAndAReason() {
        IllegalArgumentException noReason = assertThrows(IllegalArgumentException.class,
                () -> new Waivers(List.of(new Ignore("X", "s", null, " "))));
        assertTrue(noReason.getMessage().contains("<reason>"));
        assertThrows(IllegalArgumentException.class, () -> new Waivers(List.of(new Ignore("X", null, null, "r"))));
        assertThrows(IllegalArgumentException.class, () -> new Waivers(List.of(new Ignore(null, "s", null, "r"))));
    }

    @Test
    void warningsAreNeverWaived() {
        Waivers waivers = new Waivers(List.of(new Ignore("*", "s", null, "r")));
        Finding warning = Finding.warning("a", null, "X", "m", "s", null);
        assertFalse(waivers.apply(warning).isWaived());
    }
}
