package dev.accord.core.avro;

import dev.accord.core.compat.Change;
import dev.accord.core.compat.CompatibilityChecker;
import dev.accord.core.compat.CompatibilityPolicy;
import dev.accord.core.compat.Direction;
import dev.accord.core.schema.ReferenceResolver;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** A change found in one schema is located in the other one as well, so a diff can show both sides. */
class AvroPathsTest {

    private static Schema parse(String text) {
        return new Schema.Parser().parse(text.replace('\'', '"'));
    }

    @Test
    void fieldsAreMatchedByNameAndUnionBranchesByType() {
        Schema from = parse("{'type':'record','name':'R','fields':[{'name':'b','type':'int'},"
                + "{'name':'a','type':['null',{'type':'record','name':'In','fields':[{'name':'x','type':'int'}]}]}]}");
        Schema to = parse("{'type':'record','name':'R','fields':[{'name':'a','type':[{'type':'record','name':'In',"
                + "'fields':[{'name':'y','type':'int','default':0},{'name':'x','type':'long'}]},'null']}]}");
        assertEquals("/fields/0/type/0/fields/1/type", AvroPaths.translate(from, to, "/fields/1/type/1/fields/0/type"));
        assertNull(AvroPaths.translate(from, to, "/fields/0/type"), "field b has no counterpart");
        assertEquals("/fields/0", AvroPaths.translate(from, to, "/fields/1"));
    }

    @Test
    void aTypeChangeIsLocatedInBothVersions() {
        AvroSchemaParser parser = new AvroSchemaParser();
        AvroSchema oldSchema = parser.parse("{\"type\":\"record\",\"name\":\"R\",\"fields\":[{\"name\":\"id\",\"type\":\"string\"},"
                + "{\"name\":\"n\",\"type\":\"int\"}]}", List.of(), ReferenceResolver.NONE);
        AvroSchema newSchema = parser.parse("{\"type\":\"record\",\"name\":\"R\",\"fields\":[{\"name\":\"n\",\"type\":\"string\"},"
                + "{\"name\":\"id\",\"type\":\"string\"}]}", List.of(), ReferenceResolver.NONE);
        List<Change> changes = new CompatibilityChecker().diff(oldSchema, newSchema,
                Set.of(Direction.BACKWARD, Direction.FORWARD), CompatibilityPolicy.STRICT);
        Change backward = changes.stream().filter(c -> c.ruleId().equals("TYPE_MISMATCH") && c.breaks(Direction.BACKWARD))
                .findFirst().orElseThrow();
        assertEquals("/fields/0/type", backward.newPath());
        assertEquals("/fields/1/type", backward.oldPath());
    }

    @Test
    void aFieldAddedWithoutDefaultIsReportedOnceAsTheBreakingRule() {
        AvroSchemaParser parser = new AvroSchemaParser();
        AvroSchema oldSchema = parser.parse("{\"type\":\"record\",\"name\":\"R\",\"fields\":[{\"name\":\"a\",\"type\":\"int\"}]}",
                List.of(), ReferenceResolver.NONE);
        AvroSchema newSchema = parser.parse("{\"type\":\"record\",\"name\":\"R\",\"fields\":[{\"name\":\"a\",\"type\":\"int\"},"
                + "{\"name\":\"b\",\"type\":\"int\"}]}", List.of(), ReferenceResolver.NONE);
        List<String> rules = new CompatibilityChecker().diff(oldSchema, newSchema,
                Set.of(Direction.BACKWARD, Direction.FORWARD), CompatibilityPolicy.STRICT).stream().map(Change::ruleId).toList();
        assertEquals(List.of("READER_FIELD_MISSING_DEFAULT_VALUE"), rules);
    }
}
