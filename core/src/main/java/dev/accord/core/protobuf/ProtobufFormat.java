package dev.accord.core.protobuf;

import com.squareup.wire.schema.internal.parser.MessageElement;
import com.squareup.wire.schema.internal.parser.ProtoFileElement;
import com.squareup.wire.schema.internal.parser.TypeElement;
import dev.accord.core.compat.Rule;
import dev.accord.core.compat.SchemaDiffer;
import dev.accord.core.format.SchemaFormat;
import dev.accord.core.format.SourceFacts;
import dev.accord.core.format.SourceLocator;
import dev.accord.core.schema.InvalidSchemaException;
import dev.accord.core.schema.ParsedSchema;
import dev.accord.core.schema.ReferenceResolver;
import dev.accord.core.schema.SchemaReference;
import dev.accord.core.schema.SchemaType;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Protobuf: {@code .proto} files (proto2 and proto3), imports through references, Confluent's differ. */
public final class ProtobufFormat implements SchemaFormat {

    private final ProtobufSchemaParser parser = new ProtobufSchemaParser();
    private final ProtobufSchemaDiffer differ = new ProtobufSchemaDiffer();

    @Override
    public SchemaType type() {
        return SchemaType.PROTOBUF;
    }

    @Override
    public String displayName() {
        return "Protobuf";
    }

    @Override
    public List<String> fileExtensions() {
        return List.of(".proto");
    }

    @Override
    public String defaultSourceDirectory() {
        return "src/main/proto";
    }

    @Override
    public List<String> defaultIncludes() {
        return List.of("**/*.proto");
    }

    @Override
    public String highlightLanguage() {
        return "protobuf";
    }

    @Override
    public ParsedSchema parse(String text, List<SchemaReference> references, ReferenceResolver resolver,
                              boolean normalize) {
        return parser.parse(text, references, resolver, normalize);
    }

    @Override
    public List<String> renderings() {
        return List.of("serialized", "ignore_extensions");
    }

    @Override
    public Optional<String> render(ParsedSchema schema, String rendering) {
        ProtobufSchema proto = (ProtobufSchema) schema;
        if ("serialized".equalsIgnoreCase(rendering)) {
            return Optional.of(proto.serialized());
        }
        if ("ignore_extensions".equalsIgnoreCase(rendering)) {
            return Optional.of(proto.withoutExtensions());
        }
        return Optional.empty();
    }

    @Override
    public SchemaDiffer differ() {
        return differ;
    }

    @Override
    public List<Rule> rules() {
        return ProtobufRules.all();
    }

    @Override
    public String recordNameRequirement() {
        return "the record strategy needs a message in the file";
    }

    @Override
    public SourceLocator locator(String text) {
        return ProtoSourceLocator.of(text);
    }

    /** The first message's full name (the record name), and the files it imports, relative to the source folder. */
    @Override
    public SourceFacts inspect(String text) {
        ProtoFileElement file;
        try {
            file = ProtoText.parseElements(text, "inspected.proto");
        } catch (InvalidSchemaException e) {
            return SourceFacts.NONE;
        }
        String record = null;
        for (TypeElement type : file.getTypes()) {
            if (type instanceof MessageElement) {
                String pkg = file.getPackageName();
                record = pkg == null || pkg.isEmpty() ? type.getName() : pkg + "." + type.getName();
                break;
            }
        }
        List<SourceFacts.Need> needs = new ArrayList<>();
        List<String> imports = new ArrayList<>(file.getImports());
        imports.addAll(file.getPublicImports());
        imports.addAll(file.getWeakImports());
        for (String path : imports) {
            needs.add(new SourceFacts.Need(path, List.of(), path, true, false));
        }
        return SourceFacts.dotted(record, Set.of(), needs);
    }

    /** True when an import path is one of the files every schema may import without a reference. */
    public static boolean isBuiltIn(String importPath) {
        return WellKnownProtos.find(importPath).isPresent();
    }
}
