package dev.accord.core.avro;

import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.accord.core.TestSchemas.avro;
import static dev.accord.core.TestSchemas.field;
import static dev.accord.core.TestSchemas.json;
import static dev.accord.core.TestSchemas.record;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The canonical text and the fingerprint of Avro schemas: what the registry stores and how it finds duplicates. */
class AvroCanonicalFormTest {

    private static final String ORDER = """
            {'type':'record','name':'Order','namespace':'com.acme','doc':'An order',
             'fields':[
               {'name':'id','type':'string','doc':'the id'},
               {'name':'status','type':{'type':'enum','name':'Status','symbols':['NEW','PAID'],'default':'NEW'}},
               {'name':'lines','type':{'type':'array','items':{'type':'record','name':'Line',
                 'fields':[{'name':'sku','type':'string'},{'name':'qty','type':'int','default':1}]}},'default':[]},
               {'name':'note','type':['null','string'],'default':null,'aliases':['remark']},
               {'name':'amount','type':{'type':'bytes','logicalType':'decimal','precision':9,'scale':2}}
             ]}""";

    /**
     * The same schema as {@link #ORDER}: Avro's own keys of every object in another order, and other whitespace
     * (custom properties such as logicalType keep their order: that order is part of the identity until normalised).
     */
    private static final String ORDER_REORDERED = """
            {  'fields' : [
                 {'doc':'the id','type':'string','name':'id'},
                 {'type':{'default':'NEW','symbols':['NEW','PAID'],'name':'Status','type':'enum'},'name':'status'},
                 {'default':[],'name':'lines','type':{'items':{'fields':[{'type':'string','name':'sku'},
                   {'default':1,'type':'int','name':'qty'}],'name':'Line','type':'record'},'type':'array'}},
                 {'aliases':['remark'],'default':null,'type':['null','string'],'name':'note'},
                 {'type':{'logicalType':'decimal','precision':9,'scale':2,'type':'bytes'},'name':'amount'}
               ],
               'doc' : 'An order',   'namespace':'com.acme',
               'name':'Order',
               'type':'record'
            }""";

    @Test
    void whitespaceAndKeyOrderDoNotChangeCanonicalTextOrFingerprint() {
        AvroSchema a = avro(ORDER);
        AvroSchema b = avro(ORDER_REORDERED);
        assertEquals(a.canonical(), b.canonical());
        assertEquals(a.fingerprint(), b.fingerprint());
    }

    @Test
    void canonicalTextHasNoWhitespaceAndAvrosKeyOrder() {
        String canonical = avro(ORDER_REORDERED).canonical();
        assertTrue(canonical.startsWith(json("{'type':'record','name':'Order','namespace':'com.acme','doc':'An order',"
                + "'fields':[{'name':'id','type':'string','doc':'the id'}")), canonical);
        String outsideStrings = canonical.replace("An order", "").replace("the id", "");
        assertTrue(outsideStrings.chars().noneMatch(Character::isWhitespace), canonical);
    }

    @Test
    void canonicalTextWithoutCustomPropertiesIsAvrosOwnText() {
        AvroSchema schema = avro(ORDER);
        assertEquals(schema.schema().toString(), schema.canonical());
    }

    private static AvroSchema normalized(String singleQuoted) {
        return new AvroSchemaParser().parse(json(singleQuoted), List.of(), dev.accord.core.schema.ReferenceResolver.NONE,
                true);
    }

    private static final String PROPS_A = "{'type':'record','name':'R','owner':'team-a','pii':{'level':2,'kind':'email'},"
            + "'fields':[{'name':'x','type':'int','z-prop':1,'a-prop':[{'q':1,'p':2}]}]}";
    private static final String PROPS_B = "{'pii':{'kind':'email','level':2},'fields':[{'a-prop':[{'p':2,'q':1}],'name':'x',"
            + "'z-prop':1,'type':'int'}],'name':'R','owner':'team-a','type':'record'}";

    @Test
    void customPropertiesOrderIsPartOfTheIdentityAsInConfluent() {
        AvroSchema a = avro(PROPS_A);
        AvroSchema b = avro(PROPS_B);
        assertNotEquals(a.canonical(), b.canonical());
        assertNotEquals(a.fingerprint(), b.fingerprint());
        // Avro's keys first, custom properties after them as given
        assertEquals(json("{'type':'record','name':'R','fields':[{'name':'x','type':'int','z-prop':1,"
                + "'a-prop':[{'q':1,'p':2}]}],'owner':'team-a','pii':{'level':2,'kind':'email'}}"), a.canonical());
    }

    @Test
    void normalisingSortsCustomPropertiesAndKeysInsideThem() {
        AvroSchema a = normalized(PROPS_A);
        AvroSchema b = normalized(PROPS_B);
        assertEquals(a.canonical(), b.canonical());
        assertEquals(a.fingerprint(), b.fingerprint());
        assertEquals(json("{'type':'record','name':'R','fields':[{'name':'x','type':'int',"
                + "'a-prop':[{'p':2,'q':1}],'z-prop':1}],'owner':'team-a','pii':{'kind':'email','level':2}}"),
                a.canonical());
    }

    @Test
    void normalisingSortsPropertiesOfPrimitiveAndLogicalTypes() {
        assertNotEquals(avro("{'type':'string','avro.java.string':'String','x-extra':true}").canonical(),
                avro("{'x-extra':true,'avro.java.string':'String','type':'string'}").canonical());
        AvroSchema a = normalized("{'type':'string','avro.java.string':'String','x-extra':true}");
        AvroSchema b = normalized("{'x-extra':true,'avro.java.string':'String','type':'string'}");
        assertEquals(a.canonical(), b.canonical());
        assertEquals(json("{'type':'string','avro.java.string':'String','x-extra':true}"), a.canonical());
        assertEquals(json("{'type':'bytes','logicalType':'decimal','precision':9,'scale':2}"),
                normalized("{'type':'bytes','scale':2,'precision':9,'logicalType':'decimal'}").canonical());
    }

    @Test
    void keyOrderInsideRecordDefaultsCountsUntilNormalised() {
        String point = record("Point", field("x", "'int'"), field("y", "'int'"));
        String xy = record("R", field("p", point, "{'x':1,'y':2}"));
        String yx = record("R", field("p", point, "{'y':2,'x':1}"));
        assertNotEquals(avro(xy).fingerprint(), avro(yx).fingerprint());
        assertEquals(normalized(xy).canonical(), normalized(yx).canonical());
        assertEquals(normalized(xy).fingerprint(), normalized(yx).fingerprint());
    }

    @Test
    void aSchemaInTheFormStoredBeforeOrderCountedKeepsItsFingerprint() {
        // before key order counted, the identity was the hash of the key-sorted text: stored rows must still match
        for (String text : List.of(ORDER, "{'type':'record','name':'R','fields':[{'name':'x','type':'int','a':1,'z':2}]}")) {
            AvroSchema schema = avro(text);
            assertEquals(dev.accord.core.schema.CanonicalJson.sha256("AVRO",
                    dev.accord.core.schema.CanonicalJson.canonical(schema.canonical()), ""), schema.fingerprint(), text);
        }
    }

    @Test
    void normalisingWritesFullNamesAndSortsAliases() {
        AvroSchema relative = normalized("{'type':'record','name':'Order','namespace':'com.acme','aliases':['Z','A'],"
                + "'fields':[{'name':'line','type':{'type':'record','name':'Line','fields':[{'name':'n','type':'int'}]}},"
                + "{'name':'again','type':'Line','aliases':['b','a']}]}");
        AvroSchema full = normalized("{'type':'record','name':'com.acme.Order','aliases':['com.acme.A','com.acme.Z'],"
                + "'fields':[{'name':'line','type':{'type':'record','name':'com.acme.Line','fields':[{'name':'n','type':'int'}]}},"
                + "{'name':'again','type':'com.acme.Line','aliases':['a','b']}]}");
        assertEquals(full.canonical(), relative.canonical());
        assertEquals(json("{'type':'record','name':'com.acme.Order','fields':[{'name':'line','type':{'type':'record',"
                + "'name':'com.acme.Line','fields':[{'name':'n','type':'int'}]}},{'name':'again','type':'com.acme.Line',"
                + "'aliases':['a','b']}],'aliases':['com.acme.A','com.acme.Z']}"), relative.canonical());
        // the normalised text is an Avro schema that parses to the same schema
        assertEquals(relative.schema(), new Schema.Parser().parse(relative.canonical()));
    }

    @Test
    void canonicalTextParsesBackToTheSameSchema() {
        AvroSchema schema = avro("{'type':'record','name':'R','b':1,'a':2,'fields':[{'name':'x','type':'int','p':3}]}");
        Schema reparsed = new Schema.Parser().parse(schema.canonical());
        assertEquals(schema.schema(), reparsed);
        assertEquals(schema.canonical(), new AvroSchemaParser()
                .parse(schema.canonical(), List.of(), dev.accord.core.schema.ReferenceResolver.NONE).canonical());
    }

    @Test
    void fieldOrderIsPartOfTheIdentity() {
        AvroSchema ab = avro(record("R", field("a", "'int'"), field("b", "'string'")));
        AvroSchema ba = avro(record("R", field("b", "'string'"), field("a", "'int'")));
        assertNotEquals(ab.canonical(), ba.canonical());
        assertNotEquals(ab.fingerprint(), ba.fingerprint());
    }

    @Test
    void differentTypesHaveDifferentFingerprints() {
        assertNotEquals(avro(record("R", field("a", "'int'"))).fingerprint(),
                avro(record("R", field("a", "'long'"))).fingerprint());
        assertNotEquals(avro("'int'").fingerprint(), avro("'long'").fingerprint());
        assertNotEquals(avro("['null','int']").fingerprint(), avro("['int','null']").fingerprint());
        assertNotEquals(avro("{'type':'enum','name':'E','symbols':['A','B']}").fingerprint(),
                avro("{'type':'enum','name':'E','symbols':['B','A']}").fingerprint());
    }

    @Test
    void namesDocsDefaultsAndPropertyValuesArePartOfTheIdentity() {
        String base = record("R", field("a", "'int'"));
        assertNotEquals(avro(base).fingerprint(), avro(record("S", field("a", "'int'"))).fingerprint());
        assertNotEquals(avro(base).fingerprint(), avro(record("R", field("a", "'int'", "1"))).fingerprint());
        assertNotEquals(avro(base).fingerprint(),
                avro("{'type':'record','name':'R','doc':'d','fields':[{'name':'a','type':'int'}]}").fingerprint());
        assertNotEquals(avro("{'type':'int','p':1}").fingerprint(), avro("{'type':'int','p':2}").fingerprint());
    }

    @Test
    void namespaceWrittenAsPartOfTheNameIsTheSameSchema() {
        AvroSchema dotted = avro(record("com.acme.R", field("a", "'int'")));
        AvroSchema separate = avro("{'type':'record','name':'R','namespace':'com.acme','fields':[{'name':'a','type':'int'}]}");
        assertEquals(dotted.canonical(), separate.canonical());
        assertEquals(dotted.fingerprint(), separate.fingerprint());
    }

    @Test
    void fingerprintIsHexSha256AndToStringIsTheCanonicalText() {
        AvroSchema schema = avro(ORDER);
        assertTrue(schema.fingerprint().matches("[0-9a-f]{64}"), schema.fingerprint());
        assertEquals(schema.canonical(), schema.toString());
    }

    @Test
    void resolvedOfASchemaWithoutReferencesIsTheFullSchema() {
        AvroSchema schema = avro(ORDER);
        assertEquals(schema.schema(), new Schema.Parser().parse(schema.resolved()));
    }
}
