package dev.accord.core.format;

import java.util.List;
import java.util.Set;

/**
 * What a schema file declares and what it needs from other files, read from its text without parsing it as a
 * schema, so that build tools can name, link and order files before any of them is parsed. A text that cannot be
 * read has no facts ({@link #NONE}); its parse error is reported when it is parsed.
 *
 * @param recordName      the name the record subject strategy uses: the Avro full name of the top-level type,
 *                        the JSON Schema {@code $id} or else {@code title}, the full name of the first Protobuf
 *                        message; null when the file has none
 * @param recordSimpleName the last part of a dotted record name (the whole name when it is not dotted)
 * @param recordNamespace the part of a dotted record name before its last dot, "" when none
 * @param provides        the names under which other files find this one (Avro full names, a JSON {@code $id})
 * @param needs           what the file uses from other files, in the order it uses them
 */
public record SourceFacts(String recordName, String recordSimpleName, String recordNamespace, Set<String> provides,
                          List<Need> needs) {

    public static final SourceFacts NONE = new SourceFacts(null, null, "", Set.of(), List.of());

    public SourceFacts {
        provides = Set.copyOf(provides);
        needs = List.copyOf(needs);
    }

    /** Facts with a dotted record name split at its last dot. */
    public static SourceFacts dotted(String recordName, Set<String> provides, List<Need> needs) {
        if (recordName == null) {
            return new SourceFacts(null, null, "", provides, needs);
        }
        int dot = recordName.lastIndexOf('.');
        return new SourceFacts(recordName, recordName.substring(dot + 1), dot < 0 ? "" : recordName.substring(0, dot),
                provides, needs);
    }

    /**
     * One thing a file uses from another file.
     *
     * @param written   how the file names it (the reference name for JSON Schema and Protobuf)
     * @param names     names to look up among what other files {@link #provides() provide}, best first
     * @param path      a file path to look for, or null
     * @param fromRoot  true when {@code path} is relative to the source folder (Protobuf imports), false when
     *                  relative to the folder of the file that names it (JSON Schema {@code $ref}s)
     * @param byRecordName true when the reference is named after the record name of the file found (Avro: the
     *                  full name of the referenced type)
     */
    public record Need(String written, List<String> names, String path, boolean fromRoot, boolean byRecordName) {
        public Need {
            names = List.copyOf(names);
        }
    }
}
