package dev.accord.maven.schema;

import dev.accord.core.format.SchemaFormat;
import dev.accord.core.format.SourceFacts;
import dev.accord.core.format.SourceLocation;
import dev.accord.core.format.SourceLocator;
import dev.accord.core.schema.InvalidSchemaException;
import dev.accord.core.schema.ParsedSchema;
import dev.accord.core.schema.ReferenceResolver;
import dev.accord.core.schema.ReferencedSchema;
import dev.accord.core.schema.SchemaParsers;
import dev.accord.core.schema.SchemaReference;
import dev.accord.core.schema.SchemaType;

import java.net.URI;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.ToIntFunction;

/**
 * A set of schema files with their subjects, the references between them (what each file needs from another, as
 * its format's {@link SchemaFormat#inspect inspection} says: Avro named types, JSON Schema {@code $ref}s, Protobuf
 * imports), in dependency order (referenced files first), and, once {@link #parse parsed}, each file's parsed
 * schema or the reason it is invalid.
 */
public final class SchemaSet {

    /** One schema file of the set. */
    public static final class Entry {
        private final SourceFile file;
        private final SourceFacts facts;
        private String subject;
        private final List<Entry> dependencies = new ArrayList<>();
        /** What the file needs that another file of the set provides, with the name that matched. */
        private final Map<SourceFacts.Need, Match> resolved = new LinkedHashMap<>();
        private ParsedSchema parsed;
        private String error;
        private SourceLocation errorLocation;
        private SourceLocator locator;

        Entry(SourceFile file) {
            this.file = file;
            this.facts = file.format().inspect(file.text());
        }

        public SourceFile file() {
            return file;
        }

        public String path() {
            return file.path();
        }

        public SchemaType type() {
            return file.type();
        }

        public SchemaFormat format() {
            return file.format();
        }

        public SourceFacts facts() {
            return facts;
        }

        /** The subject, or null when none could be named (then {@link #error()} says why). */
        public String subject() {
            return subject;
        }

        /** The files this one references directly, in dependency order. */
        public List<Entry> dependencies() {
            return Collections.unmodifiableList(dependencies);
        }

        public ParsedSchema parsed() {
            return parsed;
        }

        public boolean valid() {
            return error == null && parsed != null;
        }

        public String error() {
            return error;
        }

        /** Where the error is in the file. */
        public SourceLocation errorLocation() {
            return errorLocation == null ? SourceLocation.START : errorLocation;
        }

        /** The locator of this file's text, built on first use. */
        public SourceLocator locator() {
            if (locator == null) {
                locator = file.format().locator(file.text());
            }
            return locator;
        }

        void fail(String message, SourceLocation location) {
            if (error == null) {
                error = message;
                errorLocation = location;
            }
        }

        @Override
        public String toString() {
            return file.path() + " (" + subject + ")";
        }
    }

    /** A need of one file that another file satisfies, and the name it was found by (null: by path). */
    private record Match(Entry dependency, String name) {
    }

    private final List<Entry> ordered;
    private final Map<String, Entry> bySubject;

    private SchemaSet(List<Entry> ordered, Map<String, Entry> bySubject) {
        this.ordered = ordered;
        this.bySubject = bySubject;
    }

    /**
     * Names, links and orders the files.
     *
     * @param subjectsByPath subjects fixed in advance by path (the index of a packaged artifact); may be empty
     */
    public static SchemaSet of(List<SourceFile> files, SubjectNamer namer, Map<String, String> subjectsByPath) {
        List<Entry> entries = new ArrayList<>();
        for (SourceFile file : files) {
            entries.add(new Entry(file));
        }
        entries.sort(Comparator.comparing(Entry::path));
        Map<String, Entry> bySubject = new LinkedHashMap<>();
        for (Entry entry : entries) {
            String fixed = subjectsByPath.get(entry.file.relative());
            if (fixed == null) {
                fixed = subjectsByPath.get(entry.path());
            }
            try {
                entry.subject = fixed != null ? fixed : namer.subjectOf(entry.file, entry.facts);
            } catch (IllegalArgumentException e) {
                entry.fail("Cannot name the subject of " + entry.path() + ": " + e.getMessage(), SourceLocation.START);
                continue;
            }
            Entry other = bySubject.putIfAbsent(entry.subject, entry);
            if (other != null) {
                entry.fail("Subject '" + entry.subject + "' is also the subject of " + other.path()
                        + "; map one of them to another subject", SourceLocation.START);
            }
        }
        link(entries);
        List<Entry> ordered = order(entries);
        return new SchemaSet(ordered, bySubject);
    }

    private static void link(List<Entry> entries) {
        Map<String, List<Entry>> providers = new HashMap<>();
        Map<String, Entry> byPath = new HashMap<>();
        for (Entry entry : entries) {
            byPath.put(entry.path(), entry);
            for (String name : entry.facts.provides()) {
                providers.computeIfAbsent(entry.type() + ":" + name, n -> new ArrayList<>()).add(entry);
            }
        }
        for (Entry entry : entries) {
            for (SourceFacts.Need need : entry.facts.needs()) {
                Match match = byName(entry, need, providers);
                if (match == null && need.path() != null) {
                    Entry local = byPath(entry, need, byPath);
                    match = local == null ? null : new Match(local, null);
                }
                if (match != null && match.dependency() != entry) {
                    entry.resolved.put(need, match);
                    if (!entry.dependencies.contains(match.dependency())) {
                        entry.dependencies.add(match.dependency());
                    }
                }
            }
        }
    }

    private static Match byName(Entry entry, SourceFacts.Need need, Map<String, List<Entry>> providers) {
        for (String candidate : need.names()) {
            List<Entry> found = providers.getOrDefault(entry.type() + ":" + candidate, List.of());
            if (found.isEmpty()) {
                continue;
            }
            Entry dependency = choose(candidate, found);
            if (dependency == null) {
                entry.fail("Type " + candidate + " is defined in several files ("
                        + found.stream().map(Entry::path).toList() + "); define it in one only",
                        entry.locator().findName(need.written()).orElse(SourceLocation.START));
                return null;
            }
            return new Match(dependency, candidate);
        }
        return null;
    }

    /** The one file that provides a name; among several, the one whose record name it is; else null. */
    private static Entry choose(String name, List<Entry> providers) {
        if (providers.size() == 1) {
            return providers.get(0);
        }
        List<Entry> top = providers.stream().filter(e -> name.equals(e.facts.recordName())).toList();
        return top.size() == 1 ? top.get(0) : null;
    }

    /** The file a need names by path: relative to the source folder, or to the folder of the file that needs it. */
    private static Entry byPath(Entry from, SourceFacts.Need need, Map<String, Entry> byPath) {
        try {
            String base = need.fromRoot() ? from.file.root() : from.path().contains("/")
                    ? from.path().substring(0, from.path().lastIndexOf('/') + 1) : "";
            String path = URI.create("x:/" + base).resolve(new URI(null, null, need.path(), null)).normalize()
                    .getPath().substring(1);
            Entry found = byPath.get(path);
            return found != null && found.type() == from.type() ? found : null;
        } catch (IllegalArgumentException | java.net.URISyntaxException e) {
            return null; // not a path: leave it to the parser
        }
    }

    /** Depth-first topological order, referenced files first; files in a cycle get an error. */
    private static List<Entry> order(List<Entry> entries) {
        List<Entry> ordered = new ArrayList<>();
        Map<Entry, Integer> state = new HashMap<>(); // 1 visiting, 2 done
        for (Entry entry : entries) {
            visit(entry, state, ordered, new ArrayList<>());
        }
        return ordered;
    }

    private static void visit(Entry entry, Map<Entry, Integer> state, List<Entry> ordered, List<Entry> path) {
        Integer s = state.get(entry);
        if (s != null && s == 2) {
            return;
        }
        if (s != null && s == 1) {
            List<Entry> cycle = new ArrayList<>(path.subList(path.indexOf(entry), path.size()));
            cycle.add(entry);
            String text = String.join(" -> ", cycle.stream().map(Entry::path).toList());
            for (Entry member : cycle) {
                member.fail("Reference cycle between files: " + text, SourceLocation.START);
            }
            return;
        }
        state.put(entry, 1);
        path.add(entry);
        List<Entry> dependencies = new ArrayList<>(entry.dependencies);
        dependencies.sort(Comparator.comparing(Entry::path));
        for (Entry dependency : dependencies) {
            visit(dependency, state, ordered, path);
        }
        path.remove(path.size() - 1);
        state.put(entry, 2);
        ordered.add(entry);
        // keep the direct dependencies in the order they are registered
        entry.dependencies.sort(Comparator.comparingInt(ordered::indexOf));
    }

    /** Every file, referenced files before the files that reference them. */
    public List<Entry> entries() {
        return Collections.unmodifiableList(ordered);
    }

    public Entry bySubject(String subject) {
        return bySubject.get(subject);
    }

    public Set<String> subjects() {
        return Collections.unmodifiableSet(bySubject.keySet());
    }

    /**
     * The references of a file, with the version of each referenced subject that {@code version} gives. A need
     * named after the record of the file it found (Avro) is one reference per file, in dependency order, named by
     * that record; any other need is a reference named as the file writes it (a JSON {@code $ref} document, a
     * Protobuf import path), in the order the file uses them.
     */
    public static List<SchemaReference> references(Entry entry, ToIntFunction<Entry> version) {
        List<SchemaReference> references = new ArrayList<>();
        boolean byRecord = entry.resolved.keySet().stream().anyMatch(SourceFacts.Need::byRecordName);
        if (byRecord) {
            for (Entry dependency : entry.dependencies) {
                String name = dependency.facts.recordName() != null ? dependency.facts.recordName()
                        : entry.resolved.values().stream().filter(m -> m.dependency() == dependency)
                                .map(Match::name).findFirst().orElse(null);
                references.add(new SchemaReference(name, dependency.subject, version.applyAsInt(dependency)));
            }
        } else {
            for (Map.Entry<SourceFacts.Need, Match> need : entry.resolved.entrySet()) {
                Entry dependency = need.getValue().dependency();
                references.add(new SchemaReference(need.getKey().written(), dependency.subject,
                        version.applyAsInt(dependency)));
            }
        }
        return references;
    }

    /** Resolves references to the files of this set, by subject. */
    public ReferenceResolver resolver(ToIntFunction<Entry> version) {
        return reference -> {
            Entry target = bySubject.get(reference.subject());
            if (target == null) {
                throw new InvalidSchemaException("Reference " + reference.name() + " to subject '"
                        + reference.subject() + "' matches no schema file");
            }
            return new ReferencedSchema(reference, target.type(), target.file.text(), references(target, version));
        };
    }

    /** Parses every file in dependency order; a file whose referenced file is invalid is invalid too. */
    public SchemaSet parse(SchemaParsers parsers) {
        ReferenceResolver resolver = resolver(e -> -1);
        for (Entry entry : ordered) {
            if (entry.error != null) {
                continue;
            }
            Entry broken = entry.dependencies.stream().filter(d -> d.error != null).findFirst().orElse(null);
            if (broken != null) {
                entry.fail("References " + broken.path() + ", which is invalid", referenceLocation(entry, broken));
                continue;
            }
            try {
                entry.parsed = parsers.parse(entry.type(), entry.file.text(), references(entry, e -> -1), resolver);
            } catch (InvalidSchemaException e) {
                entry.fail(e.getMessage(), entry.locator().locateError(e.getMessage()));
            } catch (RuntimeException e) {
                String message = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
                entry.fail(message, entry.locator().locateError(e.getMessage()));
            }
        }
        return this;
    }

    /** Where the file names a dependency: the name that matched, as written, or its last part. */
    private static SourceLocation referenceLocation(Entry entry, Entry dependency) {
        for (Map.Entry<SourceFacts.Need, Match> need : entry.resolved.entrySet()) {
            if (need.getValue().dependency() != dependency) {
                continue;
            }
            String name = need.getValue().name() != null ? need.getValue().name() : need.getKey().written();
            return entry.locator().findName(name)
                    .or(() -> entry.locator().findName(need.getKey().written()))
                    .orElse(SourceLocation.START);
        }
        return SourceLocation.START;
    }
}
