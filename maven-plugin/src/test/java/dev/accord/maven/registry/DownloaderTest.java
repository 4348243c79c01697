package dev.accord.maven.registry;

import dev.accord.core.schema.SchemaType;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class DownloaderTest {

    @Test
    void subjectsBecomeSafeFileNames() {
        assertEquals("orders-value", Downloader.fileName("orders-value"));
        assertEquals("com.acme.Order", Downloader.fileName("com.acme.Order"));
        assertEquals("https_x3A_x2F_x2Facme.com_x2Fc.json", Downloader.fileName("https://acme.com/c.json"));
        assertEquals("_x2E.ctx_x3A_s", Downloader.fileName("..ctx:_s"));
        assertEquals(".avsc", Downloader.extension(SchemaType.AVRO));
        assertEquals(".json", Downloader.extension(SchemaType.JSON));
    }
}
