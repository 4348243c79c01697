package dev.accord.core.protobuf;

import dev.accord.core.compat.VersionedSchema;
import dev.accord.core.schema.InvalidSchemaException;
import dev.accord.core.schema.ReferenceResolver;
import dev.accord.core.schema.ReferencedSchema;
import dev.accord.core.schema.SchemaReference;
import dev.accord.core.schema.SchemaType;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Small helpers for Protobuf tests: parsing text, and resolving references from a map of files. */
final class ProtoTestSchemas {

    private ProtoTestSchemas() {
    }

    static ProtobufSchema proto(String text) {
        return new ProtobufSchemaParser().parse(text, List.of(), ReferenceResolver.NONE, false);
    }

    static ProtobufSchema normalized(String text) {
        return new ProtobufSchemaParser().parse(text, List.of(), ReferenceResolver.NONE, true);
    }

    /** A proto3 file with the given package and body. */
    static String proto3(String body) {
        return "syntax = \"proto3\";\npackage acme;\n" + body;
    }

    static List<VersionedSchema> versions(String... texts) {
        List<VersionedSchema> versions = new ArrayList<>();
        for (int i = 0; i < texts.length; i++) {
            versions.add(new VersionedSchema(i + 1, proto(texts[i])));
        }
        return versions;
    }

    /** Resolves references by subject from a map of subject to text; every version is the same. */
    static ReferenceResolver files(Map<String, String> bySubject, Map<String, List<SchemaReference>> referencesOf) {
        return reference -> {
            String text = bySubject.get(reference.subject());
            if (text == null) {
                throw new InvalidSchemaException("no subject " + reference.subject());
            }
            return new ReferencedSchema(reference, SchemaType.PROTOBUF, text,
                    referencesOf.getOrDefault(reference.subject(), List.of()));
        };
    }
}
