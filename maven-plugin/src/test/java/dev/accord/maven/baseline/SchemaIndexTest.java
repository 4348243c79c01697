package dev.accord.maven.baseline;

import dev.accord.core.schema.SchemaType;
import dev.accord.maven.schema.SourceFile;
import dev.accord.maven.schema.SourceTree;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SchemaIndexTest {

    @Test
    void anIndexNamesSubjectsAndTypes() {
        String index = SchemaIndex.render(List.of(
                new SchemaIndex.Line("sales/orders.avsc", "orders-value", SchemaType.AVRO, null),
                new SchemaIndex.Line("customer.json", "https://acme.com/customer.json", SchemaType.JSON,
                        Map.of("version", 3))));
        SchemaIndex.Folder folder = SchemaIndex.read(SourceTree.of(Map.of(
                "index.json", index,
                "sales/orders.avsc", "\"string\"",
                "customer.json", "{}",
                "unlisted.avsc", "\"int\"")), List.of());
        assertEquals(List.of("sales/orders.avsc", "customer.json"), folder.files().stream().map(SourceFile::path).toList());
        assertEquals(SchemaType.JSON, folder.files().get(1).type());
        assertEquals(Map.of("sales/orders.avsc", "orders-value", "customer.json", "https://acme.com/customer.json"),
                folder.subjects());
    }

    @Test
    void withoutAnIndexEverySchemaFileCountsByExtension() {
        SchemaIndex.Folder folder = SchemaIndex.read(SourceTree.of(Map.of(
                "index.json", "{\"type\":\"object\"}",
                "a.avsc", "\"int\"",
                "notes.txt", "x")), List.of());
        assertEquals(List.of("a.avsc", "index.json"), folder.files().stream().map(SourceFile::path).toList());
        assertEquals(Map.of(), folder.subjects());
    }
}
