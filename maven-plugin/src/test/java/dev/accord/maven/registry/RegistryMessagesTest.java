package dev.accord.maven.registry;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class RegistryMessagesTest {

    @Test
    void readsConfluentVerboseMessagesWithVersionsAndLevel() {
        RegistryMessages.Parsed parsed = RegistryMessages.parse(List.of(
                "{errorType:'READER_FIELD_MISSING_DEFAULT_VALUE', description:'The field 'qty' at path '/fields/1' in"
                        + " the new schema has no default value and is missing in the old schema', additionalInfo:'qty'}",
                "{errorType:'TYPE_MISMATCH', description:'The type (path '/fields/0/type') of a field in the new schema"
                        + " does not match with the old schema', additionalInfo:'reader type: INT not compatible with"
                        + " writer type: STRING'}",
                "{oldSchemaVersion: 1}",
                "{oldSchema: '{\"type\":\"record\",\"name\":\"Order\",\"fields\":[]}'}",
                "{validateFields: 'false', compatibility: 'BACKWARD_TRANSITIVE'}"));
        assertEquals("BACKWARD_TRANSITIVE", parsed.level());
        assertEquals(2, parsed.issues().size());
        RegistryMessages.Issue first = parsed.issues().get(0);
        assertEquals("READER_FIELD_MISSING_DEFAULT_VALUE", first.ruleId());
        assertEquals("/fields/1", first.path());
        assertEquals("qty", first.additionalInfo());
        assertEquals(1, first.oldVersion());
        assertEquals("The field 'qty' at path '/fields/1' in the new schema has no default value and is missing in"
                + " the old schema", first.description());
        RegistryMessages.Issue second = parsed.issues().get(1);
        assertEquals("TYPE_MISMATCH", second.ruleId());
        assertEquals("/fields/0/type", second.path());
        assertEquals("reader type: INT not compatible with writer type: STRING", second.additionalInfo());
    }

    @Test
    void readsJsonSchemaMessagesWithHashPathsAndDoubleQuotes() {
        RegistryMessages.Issue issue = RegistryMessages.issue("{errorType:\"PROPERTY_ADDED_TO_OPEN_CONTENT_MODEL\","
                + " description:\"The new schema has an open content model and has a property or item at path"
                + " '#/properties/x' which is missing in the old schema\"}");
        assertEquals("PROPERTY_ADDED_TO_OPEN_CONTENT_MODEL", issue.ruleId());
        assertEquals("/properties/x", issue.path());
        assertNull(issue.additionalInfo());
        assertEquals("The new schema has an open content model and has a property or item at path '#/properties/x'"
                + " which is missing in the old schema", issue.description());
    }

    @Test
    void readsOldConfluentIncompatibilityStringsAndPlainTexts() {
        RegistryMessages.Issue legacy = RegistryMessages.issue("Incompatibility{type:NAME_MISMATCH, location:/name,"
                + " message:expected: com.acme.Old, reader:{...}, writer:{...}}");
        assertEquals("NAME_MISMATCH", legacy.ruleId());
        assertEquals("/name", legacy.path());
        assertEquals("SCHEMA_TYPE_CHANGED", RegistryMessages.issue("Incompatible because of different schema type")
                .ruleId());
        RegistryMessages.Issue other = RegistryMessages.issue("Invalid schema: something");
        assertEquals("INCOMPATIBLE", other.ruleId());
        assertNull(other.path());
    }

    @Test
    void splitsTheDetailsOfAConflict() {
        String message = "Schema being registered is incompatible with an earlier schema for subject \"orders-value\","
                + " details: [{errorType:'READER_FIELD_MISSING_DEFAULT_VALUE', description:'The field 'a' at path"
                + " '/fields/0' in the new schema has no default value and is missing in the old schema',"
                + " additionalInfo:'a'}, {oldSchemaVersion: 2}, {oldSchema: '{\"type\":\"record\",\"name\":\"R\","
                + "\"fields\":[]}'}, {validateFields: 'false', compatibility: 'BACKWARD'}]";
        List<String> messages = RegistryMessages.splitDetails(message);
        assertEquals(4, messages.size());
        RegistryMessages.Parsed parsed = RegistryMessages.parse(messages);
        assertEquals(1, parsed.issues().size());
        assertEquals(2, parsed.issues().get(0).oldVersion());
        assertEquals("/fields/0", parsed.issues().get(0).path());
        assertEquals("BACKWARD", parsed.level());
        assertEquals(List.of("plain conflict"), RegistryMessages.splitDetails("plain conflict"));
    }
}
