package dev.accord.server.registry;

import dev.accord.core.compat.CompatibilityChecker;
import dev.accord.core.compat.CompatibilityPolicy;
import dev.accord.core.compat.Direction;
import dev.accord.core.schema.InvalidSchemaException;
import dev.accord.core.schema.ParsedSchema;
import dev.accord.core.schema.SchemaReference;
import dev.accord.core.schema.SchemaType;
import dev.accord.server.store.SubjectVersionEntity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.List;

/** Semantic diffs: of two submitted schemas, or of two versions of a subject. */
@ApplicationScoped
public class Diffs {

    private static final EnumSet<Direction> BOTH = EnumSet.allOf(Direction.class);

    private final CompatibilityChecker checker = new CompatibilityChecker();

    @Inject
    SchemaContents contents;

    @Inject
    SubjectQueries queries;

    @Inject
    CompatibilityConfigs configs;

    @ConfigProperty(name = "accord.max-schema-bytes", defaultValue = "1048576")
    int maxSchemaBytes;

    /** Diffs two schema texts of one type; references resolve against the registry. */
    @Transactional
    public SchemaDiff diff(SchemaType type, String oldText, List<SchemaReference> oldReferences, String newText,
                           List<SchemaReference> newReferences, CompatibilityPolicy policy) {
        ParsedSchema oldSchema = parse(type, oldText, oldReferences, "old");
        ParsedSchema newSchema = parse(type, newText, newReferences, "new");
        return new SchemaDiff(type, policy, checker.diff(oldSchema, newSchema, BOTH, policy), null, null, oldText,
                newText);
    }

    /**
     * Diffs two versions of a subject under its effective policy. Without {@code to}, the latest live version;
     * without {@code from}, the live version before {@code to}.
     */
    @Transactional
    public SchemaDiff subjectDiff(String subject, VersionId from, VersionId to) {
        SubjectVersion target = queries.version(subject, to == null ? VersionId.LATEST : to, true);
        SubjectVersion source;
        if (from != null) {
            source = queries.version(subject, from, true);
        } else {
            source = queries.view(SubjectVersionEntity.liveBefore(subject, target.version()).orElseThrow(() ->
                    RegistryException.versionNotFound("before " + target.version()
                            + " (subject '" + subject + "' has no earlier live version to compare with)")));
        }
        CompatibilityPolicy policy = configs.effective(subject).policy();
        ParsedSchema oldSchema = contents.parsed(source.schema());
        ParsedSchema newSchema = contents.parsed(target.schema());
        return new SchemaDiff(newSchema.type(), policy, checker.diff(oldSchema, newSchema, BOTH, policy), source,
                target, source.schema().schema(), target.schema().schema());
    }

    private ParsedSchema parse(SchemaType type, String text, List<SchemaReference> references, String side) {
        if (text == null || text.isBlank()) {
            throw RegistryException.invalidSchema("The " + side + " schema is missing");
        }
        if (text.getBytes(StandardCharsets.UTF_8).length > maxSchemaBytes) {
            throw new RegistryException(ErrorCode.SCHEMA_TOO_LARGE, "The " + side + " schema is larger than "
                    + maxSchemaBytes + " bytes");
        }
        try {
            // inline schemas name their references as in the default context (qualify them for another)
            return contents.parse(QualifiedSubjects.DEFAULT_CONTEXT, type, text,
                    contents.resolveReferences(QualifiedSubjects.DEFAULT_CONTEXT, references), false);
        } catch (InvalidSchemaException e) {
            throw RegistryException.invalidSchema("Invalid " + side + " schema: " + e.getMessage());
        }
    }
}
