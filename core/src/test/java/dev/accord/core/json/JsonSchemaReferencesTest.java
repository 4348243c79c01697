package dev.accord.core.json;

import dev.accord.core.compat.CompatibilityChecker;
import dev.accord.core.compat.CompatibilityLevel;
import dev.accord.core.compat.CompatibilityPolicy;
import dev.accord.core.compat.CompatibilityResult;
import dev.accord.core.compat.VersionedSchema;
import dev.accord.core.json.JsonTestSchemas.JsonSubjects;
import dev.accord.core.schema.InvalidSchemaException;
import dev.accord.core.schema.ReferenceResolver;
import dev.accord.core.schema.ReferencedSchema;
import dev.accord.core.schema.SchemaReference;
import dev.accord.core.schema.SchemaType;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.accord.core.TestSchemas.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** JSON Schemas that reference schemas registered under other subjects. */
class JsonSchemaReferencesTest {

    private static final String ADDRESS = "{'type':'object','properties':{'street':{'type':'string'}},"
            + "'definitions':{'zip':{'type':'string','maxLength':10}}}";
    private static final String CUSTOMER = "{'type':'object','properties':{'name':{'type':'string'},"
            + "'address':{'$ref':'address.json'},'zip':{'$ref':'address.json#/definitions/zip'}}}";

    private final JsonSubjects subjects = new JsonSubjects();
    private final CompatibilityChecker checker = new CompatibilityChecker();

    @Test
    void aReferenceByNameAndFragmentResolves() {
        SchemaReference address = subjects.put("address.json", "address-value", 1, ADDRESS);
        JsonSchema customer = subjects.parse(CUSTOMER, address);
        assertEquals(List.of(address), customer.references());
        assertEquals(1, subjects.lookups("address-value", 1));
    }

    @Test
    void withoutTheReferenceTheRefPointsToNothing() {
        InvalidSchemaException e = assertThrows(InvalidSchemaException.class, () -> subjects.parse(CUSTOMER));
        assertTrue(e.getMessage().contains("address.json"), e.getMessage());
        assertTrue(e.getMessage().contains("'#/properties/address/$ref'"), e.getMessage());
    }

    @Test
    void aFragmentToNothingInTheReferencedSchemaIsInvalid() {
        SchemaReference address = subjects.put("address.json", "address-value", 1, ADDRESS);
        InvalidSchemaException e = assertThrows(InvalidSchemaException.class, () -> subjects.parse(
                "{'properties':{'a':{'$ref':'address.json#/definitions/nope'}}}", address));
        assertTrue(e.getMessage().contains("/definitions/nope"), e.getMessage());
    }

    @Test
    void aReferenceNameResolvesAgainstTheSchemasAbsoluteId() {
        SchemaReference address = subjects.put("address.json", "address-value", 1, ADDRESS);
        subjects.parse("{'$id':'https://example.com/schemas/customer.json','properties':{'a':{'$ref':"
                + "'address.json'},'b':{'$ref':'https://example.com/schemas/address.json#/definitions/zip'}}}",
                address);
    }

    @Test
    void nestedReferencesResolveWithinTheReferencedSchema() {
        SchemaReference zip = subjects.put("zip.json", "zip-value", 3, "{'type':'string','pattern':'^[0-9]+$'}");
        SchemaReference address = subjects.put("address.json", "address-value", 1,
                "{'type':'object','properties':{'zip':{'$ref':'zip.json'}}}", zip);
        JsonSchema customer = subjects.parse("{'properties':{'address':{'$ref':'address.json'}}}", address);
        assertEquals(1, subjects.lookups("zip-value", 3));
        assertTrue(customer.resolved().contains("^[0-9]+$"), customer.resolved());
    }

    @Test
    void aReferenceCycleAcrossSubjectsIsInvalid() {
        SchemaReference toB = new SchemaReference("b.json", "b", 1);
        SchemaReference toA = new SchemaReference("a.json", "a", 1);
        subjects.put("a.json", "a", 1, "{'properties':{'b':{'$ref':'b.json'}}}", toB);
        subjects.put("b.json", "b", 1, "{'properties':{'a':{'$ref':'a.json'}}}", toA);
        InvalidSchemaException e = assertThrows(InvalidSchemaException.class,
                () -> subjects.parse("{'properties':{'a':{'$ref':'a.json'}}}", toA));
        assertTrue(e.getMessage().contains("Reference cycle"), e.getMessage());
    }

    @Test
    void aReferenceToAnAvroSchemaIsInvalid() {
        SchemaReference reference = new SchemaReference("x.json", "x", 1);
        subjects.putRaw(new ReferencedSchema(reference, SchemaType.AVRO, "\"string\"", List.of()));
        InvalidSchemaException e = assertThrows(InvalidSchemaException.class,
                () -> subjects.parse("{'properties':{'a':{'$ref':'x.json'}}}", reference));
        assertTrue(e.getMessage().contains("AVRO"), e.getMessage());
    }

    @Test
    void anUnresolvableReferenceIsInvalid() {
        assertThrows(InvalidSchemaException.class, () -> new JsonSchemaParser().parse(json(CUSTOMER),
                List.of(new SchemaReference("address.json", "nowhere", 1)), ReferenceResolver.NONE));
    }

    @Test
    void referencesArePartOfTheIdentity() {
        SchemaReference v1 = subjects.put("address.json", "address-value", 1, ADDRESS);
        SchemaReference v2 = subjects.put("address.json", "address-value", 2, ADDRESS);
        assertNotEquals(subjects.parse(CUSTOMER, v1).fingerprint(), subjects.parse(CUSTOMER, v2).fingerprint());
        assertEquals(subjects.parse(CUSTOMER, v1).canonical(), subjects.parse(CUSTOMER, v2).canonical());
    }

    @Test
    void resolvedEmbedsReferencedSchemasUnderTheirNames() {
        SchemaReference address = subjects.put("address.json", "address-value", 1, ADDRESS);
        JsonSchema customer = subjects.parse(CUSTOMER, address);
        String resolved = customer.resolved();
        assertTrue(resolved.contains(json("'definitions':{'address.json':{'$id':'address.json'")), resolved);
        // the bundle stands alone: it parses without references and accepts exactly the same data
        JsonSchema bundle = new JsonSchemaParser().parse(resolved, List.of(), ReferenceResolver.NONE);
        for (CompatibilityLevel level : List.of(CompatibilityLevel.FULL)) {
            assertTrue(checker.check(level, CompatibilityPolicy.STRICT, bundle,
                    List.of(new VersionedSchema(1, customer))).compatible());
        }
    }

    @Test
    void resolvedUsesDefsFrom2019On() {
        SchemaReference address = subjects.put("address.json", "address-value", 1, ADDRESS);
        JsonSchema customer = subjects.parse("{'$schema':'https://json-schema.org/draft/2020-12/schema',"
                + "'properties':{'a':{'$ref':'address.json'}}}", address);
        assertTrue(customer.resolved().contains("\"$defs\":{\"address.json\""), customer.resolved());
        new JsonSchemaParser().parse(customer.resolved(), List.of(), ReferenceResolver.NONE);
    }

    @Test
    void aChangeInAReferencedSchemaIsFoundThroughTheReference() {
        SchemaReference v1 = subjects.put("address.json", "address-value", 1, ADDRESS);
        SchemaReference v2 = subjects.put("address.json", "address-value", 2,
                "{'type':'object','properties':{'street':{'type':'string'}},'definitions':{'zip':{'type':'string',"
                        + "'maxLength':5}}}");
        CompatibilityResult result = checker.check(CompatibilityLevel.BACKWARD, CompatibilityPolicy.STRICT,
                subjects.parse(CUSTOMER, v2), List.of(new VersionedSchema(1, subjects.parse(CUSTOMER, v1))));
        assertFalse(result.compatible());
        var change = result.incompatibilities().get(0).changes().get(0);
        assertEquals("MAX_LENGTH_DECREASED", change.ruleId());
        assertEquals("address.json#/definitions/zip/maxLength", change.newPath());
        assertEquals("10", change.oldValue());
        assertEquals("5", change.newValue());
    }

    @Test
    void inliningAReferencedSchemaIsNoChange() {
        SchemaReference address = subjects.put("address.json", "address-value", 1, ADDRESS);
        JsonSchema before = subjects.parse(CUSTOMER, address);
        JsonSchema after = subjects.parse("{'type':'object','properties':{'name':{'type':'string'},"
                + "'address':{'type':'object','properties':{'street':{'type':'string'}}},"
                + "'zip':{'type':'string','maxLength':10}}}");
        assertTrue(checker.check(CompatibilityLevel.FULL, CompatibilityPolicy.STRICT, after,
                List.of(new VersionedSchema(1, before))).compatible());
    }
}
