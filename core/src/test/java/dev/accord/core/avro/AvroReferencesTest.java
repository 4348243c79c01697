package dev.accord.core.avro;

import dev.accord.core.TestSchemas.Subjects;
import dev.accord.core.compat.CompatibilityChecker;
import dev.accord.core.compat.CompatibilityLevel;
import dev.accord.core.compat.CompatibilityPolicy;
import dev.accord.core.compat.CompatibilityResult;
import dev.accord.core.compat.VersionedSchema;
import dev.accord.core.schema.CanonicalJson;
import dev.accord.core.schema.InvalidSchemaException;
import dev.accord.core.schema.ReferenceResolver;
import dev.accord.core.schema.ReferencedSchema;
import dev.accord.core.schema.SchemaReference;
import dev.accord.core.schema.SchemaType;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.accord.core.TestSchemas.field;
import static dev.accord.core.TestSchemas.json;
import static dev.accord.core.TestSchemas.record;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Avro schemas that use named types registered under other subjects. */
class AvroReferencesTest {

    private static final String ADDRESS = "{'type':'record','name':'Address','namespace':'com.acme',"
            + "'fields':[{'name':'street','type':'string'}]}";
    private static final String CUSTOMER = "{'type':'record','name':'Customer','namespace':'com.acme',"
            + "'fields':[{'name':'name','type':'string'},{'name':'address','type':'com.acme.Address'}]}";
    private static final String ORDER = "{'type':'record','name':'Order','namespace':'com.acme',"
            + "'fields':[{'name':'id','type':'string'},{'name':'customer','type':'com.acme.Customer'}]}";

    private final AvroSchemaParser parser = new AvroSchemaParser();
    private final Subjects subjects = new Subjects();

    private AvroSchema parse(String singleQuoted, SchemaReference... references) {
        return parser.parse(json(singleQuoted), List.of(references), subjects);
    }

    private InvalidSchemaException rejects(String singleQuoted, SchemaReference... references) {
        return assertThrows(InvalidSchemaException.class, () -> parse(singleQuoted, references));
    }

    @Test
    void recordUsesANamedTypeFromAnotherSubject() {
        SchemaReference address = subjects.put("com.acme.Address", "address-value", 1, ADDRESS);
        AvroSchema customer = parse(CUSTOMER, address);

        Schema fieldType = customer.schema().getField("address").schema();
        assertEquals(Schema.Type.RECORD, fieldType.getType());
        assertEquals("com.acme.Address", fieldType.getFullName());
        assertEquals(List.of(address), customer.references());
        assertEquals(1, subjects.lookups("address-value", 1));
    }

    @Test
    void withoutTheReferenceTheNameIsUndefined() {
        subjects.put("com.acme.Address", "address-value", 1, ADDRESS);
        InvalidSchemaException e = rejects(CUSTOMER);
        assertTrue(e.getMessage().contains("com.acme.Address"), e.getMessage());
    }

    @Test
    void canonicalDoesNotInlineReferencedTypesButResolvedDoes() {
        SchemaReference address = subjects.put("com.acme.Address", "address-value", 1, ADDRESS);
        AvroSchema customer = parse(CUSTOMER, address);

        assertEquals(json("{'type':'record','name':'Customer','namespace':'com.acme','fields':["
                + "{'name':'name','type':'string'},{'name':'address','type':'Address'}]}"), customer.canonical());
        assertFalse(customer.canonical().contains("street"), customer.canonical());

        assertEquals(json("{'type':'record','name':'Customer','namespace':'com.acme','fields':["
                + "{'name':'name','type':'string'},{'name':'address','type':{'type':'record','name':'Address',"
                + "'fields':[{'name':'street','type':'string'}]}}]}"), customer.resolved());
        // the resolved text stands alone
        Schema standalone = new Schema.Parser().parse(customer.resolved());
        assertEquals(customer.schema(), standalone);
    }

    @Test
    void canonicalOfAReferencingSchemaParsesAgainWithTheSameReferences() {
        SchemaReference address = subjects.put("com.acme.Address", "address-value", 1, ADDRESS);
        AvroSchema customer = parse(CUSTOMER, address);
        AvroSchema again = parser.parse(customer.canonical(), customer.references(), subjects);
        assertEquals(customer.canonical(), again.canonical());
        assertEquals(customer.fingerprint(), again.fingerprint());
    }

    @Test
    void nestedReferencesAreResolvedTransitively() {
        SchemaReference address = subjects.put("com.acme.Address", "address-value", 1, ADDRESS);
        SchemaReference customer = subjects.put("com.acme.Customer", "customer-value", 3, CUSTOMER, address);
        AvroSchema order = parse(ORDER, customer);

        Schema customerType = order.schema().getField("customer").schema();
        assertEquals("com.acme.Address", customerType.getField("address").schema().getFullName());
        assertEquals(List.of(customer), order.references()); // only the direct ones
        assertEquals(1, subjects.lookups("address-value", 1));
        assertFalse(order.canonical().contains("Address"), order.canonical());
        assertTrue(order.resolved().contains("\"street\""), order.resolved());
    }

    @Test
    void typesOfTransitiveReferencesCanBeUsedDirectly() {
        // as in Confluent: every named type in the closure is known to the referencing schema
        SchemaReference address = subjects.put("com.acme.Address", "address-value", 1, ADDRESS);
        SchemaReference customer = subjects.put("com.acme.Customer", "customer-value", 1, CUSTOMER, address);
        AvroSchema schema = parse(record("Shipment", field("to", "'com.acme.Address'")), customer);
        assertEquals("com.acme.Address", schema.schema().getField("to").schema().getFullName());
        assertEquals(json("{'type':'record','name':'Shipment','fields':[{'name':'to','type':'com.acme.Address'}]}"),
                schema.canonical());
    }

    @Test
    void diamondIsResolvedOnceAndParsesWithoutRedefinition() {
        SchemaReference d = subjects.put("D", "d", 1, record("D", field("v", "'int'")));
        SchemaReference b = subjects.put("B", "b", 1, record("B", field("d", "'D'")), d);
        SchemaReference c = subjects.put("C", "c", 1, record("C", field("d", "'D'")), d);
        AvroSchema a = parse(record("A", field("b", "'B'"), field("c", "'C'")), b, c);

        Schema bType = a.schema().getField("b").schema();
        Schema cType = a.schema().getField("c").schema();
        assertEquals(bType.getField("d").schema(), cType.getField("d").schema());
        assertEquals(1, subjects.lookups("d", 1), "D is resolved once");
        assertEquals(json("{'type':'record','name':'A','fields':[{'name':'b','type':'B'},{'name':'c','type':'C'}]}"),
                a.canonical());
    }

    @Test
    void topLevelUnionOfReferencedTypes() {
        SchemaReference created = subjects.put("com.acme.Created", "created", 1,
                "{'type':'record','name':'Created','namespace':'com.acme','fields':[{'name':'id','type':'string'}]}");
        SchemaReference deleted = subjects.put("com.acme.Deleted", "deleted", 1,
                "{'type':'record','name':'Deleted','namespace':'com.acme','fields':[{'name':'id','type':'string'}]}");
        AvroSchema events = parse("['com.acme.Created','com.acme.Deleted']", created, deleted);
        assertEquals(json("['com.acme.Created','com.acme.Deleted']"), events.canonical());
        assertEquals(2, events.schema().getTypes().size());
        assertTrue(events.resolved().startsWith(json("[{'type':'record','name':'Created'")), events.resolved());
    }

    @Test
    void referenceCycleIsInvalid() {
        SchemaReference x = new SchemaReference("X", "x", 1);
        SchemaReference y = subjects.put("Y", "y", 1, record("Y", field("x", "['null','X']")), x);
        subjects.put("X", "x", 1, record("X", field("y", "'Y'")), y);
        InvalidSchemaException e = rejects(record("A", field("x", "'X'")), x);
        assertTrue(e.getMessage().contains("cycle"), e.getMessage());
        assertTrue(e.getMessage().contains("x@1 -> y@1 -> x@1"), e.getMessage());
    }

    @Test
    void selfReferenceIsACycle() {
        SchemaReference self = new SchemaReference("S", "s", 1);
        subjects.put("S", "s", 1, record("S", field("a", "'int'")), self);
        assertTrue(rejects("'S'", self).getMessage().contains("cycle"));
    }

    @Test
    void missingReferencePropagatesTheResolversMessage() {
        InvalidSchemaException e = rejects(CUSTOMER, new SchemaReference("com.acme.Address", "address-value", 7));
        assertEquals("Subject 'address-value' has no version 7", e.getMessage());
    }

    @Test
    void missingNestedReferencePropagates() {
        SchemaReference customer = subjects.put("com.acme.Customer", "customer-value", 1, CUSTOMER,
                new SchemaReference("com.acme.Address", "address-value", 1));
        InvalidSchemaException e = rejects(ORDER, customer);
        assertTrue(e.getMessage().contains("address-value"), e.getMessage());
    }

    @Test
    void noneResolverRefusesReferences() {
        InvalidSchemaException e = assertThrows(InvalidSchemaException.class, () -> parser.parse(json(CUSTOMER),
                List.of(new SchemaReference("com.acme.Address", "address-value", 1)), ReferenceResolver.NONE));
        assertTrue(e.getMessage().contains("cannot be resolved"), e.getMessage());
    }

    @Test
    void invalidReferencedSchemaNamesTheReference() {
        SchemaReference bad = subjects.put("Bad", "bad-value", 2, "{'type':'record','name':'Bad','fields':[");
        InvalidSchemaException e = rejects("'Bad'", bad);
        assertTrue(e.getMessage().contains("Invalid referenced schema 'Bad' (subject 'bad-value' version 2)"),
                e.getMessage());
        assertTrue(e.getMessage().contains("line 1"), e.getMessage());
    }

    @Test
    void referenceToANonAvroSchemaIsRefused() {
        SchemaReference reference = new SchemaReference("J", "json-value", 1);
        subjects.putRaw(new ReferencedSchema(reference, SchemaType.JSON, "{}", List.of()));
        InvalidSchemaException e = rejects("'int'", reference);
        assertTrue(e.getMessage().contains("JSON"), e.getMessage());
    }

    @Test
    void redefiningAReferencedTypeDifferentlyIsRejected() {
        SchemaReference address = subjects.put("com.acme.Address", "address-value", 1, ADDRESS);
        InvalidSchemaException e = rejects("{'type':'record','name':'Address','namespace':'com.acme',"
                + "'fields':[{'name':'zip','type':'int'}]}", address);
        assertTrue(e.getMessage().contains("Can't redefine: com.acme.Address"), e.getMessage());
    }

    @Test
    void referencesArePartOfTheFingerprintButNotOfTheCanonicalText() {
        SchemaReference v1 = subjects.put("com.acme.Address", "address-value", 1, ADDRESS);
        SchemaReference v2 = subjects.put("com.acme.Address", "address-value", 2, ADDRESS);
        SchemaReference other = subjects.put("com.acme.Address", "other-subject", 1, ADDRESS);
        AvroSchema withV1 = parse(CUSTOMER, v1);
        AvroSchema withV2 = parse(CUSTOMER, v2);
        AvroSchema withOther = parse(CUSTOMER, other);

        assertEquals(withV1.canonical(), withV2.canonical());
        assertEquals(withV1.canonical(), withOther.canonical());
        assertNotEquals(withV1.fingerprint(), withV2.fingerprint());
        assertNotEquals(withV1.fingerprint(), withOther.fingerprint());
        assertEquals(withV1.fingerprint(), parse(CUSTOMER, v1).fingerprint());
    }

    @Test
    void referenceOrderIsPartOfTheFingerprint() {
        SchemaReference a = subjects.put("A", "a", 1, record("A", field("x", "'int'")));
        SchemaReference b = subjects.put("B", "b", 1, record("B", field("y", "'int'")));
        String schema = record("R", field("a", "'A'"), field("b", "'B'"));
        assertNotEquals(parse(schema, a, b).fingerprint(), parse(schema, b, a).fingerprint());
    }

    @Test
    void chainOfReferencesNestedTooDeeplyInTotalIsInvalid() {
        // each referenced text is well within the depth limit, but together they nest 10 x 150 levels; the
        // compatibility checker and resolved() would overflow the stack on the result
        SchemaReference previous = null;
        for (int i = 0; i < 10; i++) {
            String items = i == 0 ? "'int'" : "'T" + (i - 1) + "'";
            String type = "{'type':'array','items':".repeat(150) + items + "}".repeat(150);
            previous = previous == null
                    ? subjects.put("T" + i, "t" + i, 1, record("T" + i, field("f", type)))
                    : subjects.put("T" + i, "t" + i, 1, record("T" + i, field("f", type)), previous);
        }
        InvalidSchemaException e = rejects("'T9'", previous);
        assertTrue(e.getMessage().contains("nested deeper than " + CanonicalJson.MAX_DEPTH), e.getMessage());
    }

    @Test
    void chainOfReferencesWithinTheDepthLimitStillWorksEndToEnd() {
        SchemaReference previous = null;
        for (int i = 0; i < 4; i++) {
            String items = i == 0 ? "'int'" : "'T" + (i - 1) + "'";
            String type = "{'type':'array','items':".repeat(40) + items + "}".repeat(40);
            previous = previous == null
                    ? subjects.put("T" + i, "t" + i, 1, record("T" + i, field("f", type)))
                    : subjects.put("T" + i, "t" + i, 1, record("T" + i, field("f", type)), previous);
        }
        AvroSchema deep = parse("'T3'", previous);
        AvroSchema optional = parse("['null','T3']", previous);
        CompatibilityResult result = new CompatibilityChecker().check(CompatibilityLevel.BACKWARD,
                CompatibilityPolicy.STRICT, optional, List.of(new VersionedSchema(1, deep)));
        assertTrue(result.compatible());
        assertTrue(deep.resolved().length() > 40 * 4 * 20);
    }

    @Test
    void enumDefaultOfAReferencedTypeIsCheckedInTheReferencingSchema() {
        SchemaReference status = subjects.put("Status", "status", 1,
                "{'type':'enum','name':'Status','symbols':['NEW','PAID']}");
        rejects(record("R", field("s", "'Status'", "'SHIPPED'")), status);
        assertEquals("NEW", parse(record("R", field("s", "'Status'", "'NEW'")), status)
                .schema().getField("s").defaultVal().toString());
    }
}
