package dev.accord.maven.schema;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GlobTest {

    @Test
    void doubleStarMatchesAnyFolderIncludingNone() {
        Glob glob = new Glob("**/*.avsc");
        assertTrue(glob.matches("orders.avsc"));
        assertTrue(glob.matches("sales/eu/orders.avsc"));
        assertFalse(glob.matches("orders.avsc.bak"));
        assertFalse(glob.matches("orders.json"));
    }

    @Test
    void singleStarStaysInAFolder() {
        assertTrue(new Glob("legacy/*.avsc").matches("legacy/a.avsc"));
        assertFalse(new Glob("legacy/*.avsc").matches("legacy/old/a.avsc"));
        assertTrue(new Glob("src/main/avro/legacy/**").matches("src/main/avro/legacy/old/a.avsc"));
        assertTrue(new Glob("orders-?alue").matches("orders-value"));
        assertTrue(new Glob("*.schema.json").matches("customer.schema.json"));
        assertFalse(new Glob("a.b").matches("axb"));
    }
}
