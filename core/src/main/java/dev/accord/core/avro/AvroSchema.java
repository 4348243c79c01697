package dev.accord.core.avro;

import dev.accord.core.schema.CanonicalJson;
import dev.accord.core.schema.ParsedSchema;
import dev.accord.core.schema.SchemaReference;
import dev.accord.core.schema.SchemaType;
import org.apache.avro.Schema;

import java.util.Collection;
import java.util.List;

/** A parsed Avro schema, with the named types it imports through references. */
public final class AvroSchema implements ParsedSchema {

    private final Schema schema;
    private final List<SchemaReference> references;
    private final Collection<Schema> referencedTypes;
    private final String canonical;
    private final String fingerprint;

    AvroSchema(Schema schema, List<SchemaReference> references, Collection<Schema> referencedTypes) {
        this.schema = schema;
        this.references = List.copyOf(references);
        this.referencedTypes = List.copyOf(referencedTypes);
        // Avro's writer fixes the order of its own keys and drops whitespace; sorting the rest (custom
        // properties) makes key order irrelevant to identity as well.
        this.canonical = schema.toString(this.referencedTypes, false);
        this.fingerprint = CanonicalJson.sha256(SchemaType.AVRO.name(), CanonicalJson.canonical(canonical),
                CanonicalJson.referencesKey(this.references));
    }

    /** The Apache Avro schema object. */
    public Schema schema() {
        return schema;
    }

    @Override
    public SchemaType type() {
        return SchemaType.AVRO;
    }

    @Override
    public String canonical() {
        return canonical;
    }

    @Override
    public String fingerprint() {
        return fingerprint;
    }

    @Override
    public List<SchemaReference> references() {
        return references;
    }

    @Override
    public String resolved() {
        return schema.toString();
    }

    @Override
    public String toString() {
        return canonical;
    }
}
