package dev.accord.maven.schema;

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
 * A set of schema files with their subjects, the references between them (Avro named types defined in
 * another file, JSON Schema {@code $ref}s to another file), in dependency order (referenced files first),
 * and, once {@link #parse parsed}, each file's parsed schema or the reason it is invalid.
 */
public final class SchemaSet {

    /** One schema file of the set. */
    public static final class Entry {
        private final SourceFile file;
        private final SchemaInspector.Facts facts;
        private String subject;
        private final List<Entry> dependencies = new ArrayList<>();
        /** JSON Schema: the {@code $ref} documents, as written, that point to each dependency. */
        private final Map<String, Entry> jsonRefs = new LinkedHashMap<>();
        /** Avro: the first name this file uses from each dependency. */
        private final Map<Entry, String> avroNames = new LinkedHashMap<>();
        private ParsedSchema parsed;
        private String error;
        private Location errorLocation;
        private JsonLocations locations;

        Entry(SourceFile file, SchemaInspector.Facts facts) {
            this.file = file;
            this.facts = facts;
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

        public SchemaInspector.Facts facts() {
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
        public Location errorLocation() {
            return errorLocation == null ? Location.START : errorLocation;
        }

        /** The location index of this file's text, built on first use. */
        public JsonLocations locations() {
            if (locations == null) {
                locations = JsonLocations.of(file.text());
            }
            return locations;
        }

        void fail(String message, Location location) {
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
            entries.add(new Entry(file, SchemaInspector.inspect(file)));
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
                entry.fail("Cannot name the subject of " + entry.path() + ": " + e.getMessage(), Location.START);
                continue;
            }
            Entry other = bySubject.putIfAbsent(entry.subject, entry);
            if (other != null) {
                entry.fail("Subject '" + entry.subject + "' is also the subject of " + other.path()
                        + "; map one of them to another subject", Location.START);
            }
        }
        link(entries);
        List<Entry> ordered = order(entries);
        return new SchemaSet(ordered, bySubject);
    }

    private static void link(List<Entry> entries) {
        Map<String, List<Entry>> definers = new HashMap<>();
        Map<String, Entry> byPath = new HashMap<>();
        Map<String, Entry> byId = new HashMap<>();
        for (Entry entry : entries) {
            byPath.put(entry.path(), entry);
            if (entry.type() == SchemaType.AVRO) {
                for (String name : entry.facts.defines()) {
                    definers.computeIfAbsent(name, n -> new ArrayList<>()).add(entry);
                }
            } else if (entry.facts.jsonId() != null) {
                byId.putIfAbsent(stripFragment(entry.facts.jsonId()), entry);
            }
        }
        for (Entry entry : entries) {
            if (entry.type() == SchemaType.AVRO) {
                for (Map.Entry<String, List<String>> use : entry.facts.uses().entrySet()) {
                    for (String candidate : use.getValue()) {
                        List<Entry> found = definers.getOrDefault(candidate, List.of());
                        if (found.isEmpty()) {
                            continue;
                        }
                        Entry dependency = choose(candidate, found);
                        if (dependency == null) {
                            entry.fail("Type " + candidate + " is defined in several files ("
                                    + found.stream().map(Entry::path).toList() + "); define it in one only",
                                    entry.locations().findString(use.getKey()).orElse(Location.START));
                        } else if (dependency != entry) {
                            entry.avroNames.putIfAbsent(dependency, candidate);
                            if (!entry.dependencies.contains(dependency)) {
                                entry.dependencies.add(dependency);
                            }
                        }
                        break;
                    }
                }
            } else if (entry.type() == SchemaType.JSON) {
                for (String ref : entry.facts.refs()) {
                    Entry dependency = resolveJsonRef(entry, ref, byPath, byId);
                    if (dependency != null && dependency != entry) {
                        entry.jsonRefs.put(ref, dependency);
                        if (!entry.dependencies.contains(dependency)) {
                            entry.dependencies.add(dependency);
                        }
                    }
                }
            }
        }
    }

    /** The one file that defines a name; among several, the one whose top-level type it is; else null. */
    private static Entry choose(String name, List<Entry> definers) {
        if (definers.size() == 1) {
            return definers.get(0);
        }
        List<Entry> top = definers.stream().filter(e -> name.equals(e.facts.topLevelName())).toList();
        return top.size() == 1 ? top.get(0) : null;
    }

    private static Entry resolveJsonRef(Entry from, String ref, Map<String, Entry> byPath, Map<String, Entry> byId) {
        Entry byIdMatch = byId.get(ref);
        if (byIdMatch != null) {
            return byIdMatch;
        }
        try {
            URI uri = URI.create(ref);
            if (!uri.isAbsolute() && from.facts.jsonId() != null) {
                URI base = URI.create(stripFragment(from.facts.jsonId()));
                if (base.isAbsolute()) {
                    Entry resolved = byId.get(base.resolve(uri).toString());
                    if (resolved != null) {
                        return resolved;
                    }
                }
            }
            if (!uri.isAbsolute() && uri.getPath() != null) {
                String dir = from.path().contains("/") ? from.path().substring(0, from.path().lastIndexOf('/') + 1) : "";
                String path = URI.create("x:/" + dir).resolve(uri.getPath()).normalize().getPath().substring(1);
                Entry local = byPath.get(path);
                if (local != null) {
                    return local;
                }
            }
        } catch (IllegalArgumentException e) {
            // not a URI: leave it to the parser
        }
        return null;
    }

    private static String stripFragment(String uri) {
        int hash = uri.indexOf('#');
        return hash < 0 ? uri : uri.substring(0, hash);
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
                member.fail("Reference cycle between files: " + text, Location.START);
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

    /** The references of a file, with the version of each referenced subject that {@code version} gives. */
    public static List<SchemaReference> references(Entry entry, ToIntFunction<Entry> version) {
        List<SchemaReference> references = new ArrayList<>();
        if (entry.type() == SchemaType.JSON) {
            for (Map.Entry<String, Entry> ref : entry.jsonRefs.entrySet()) {
                references.add(new SchemaReference(ref.getKey(), ref.getValue().subject,
                        version.applyAsInt(ref.getValue())));
            }
        } else {
            for (Entry dependency : entry.dependencies) {
                String name = dependency.facts.topLevelName() != null ? dependency.facts.topLevelName()
                        : entry.avroNames.get(dependency);
                references.add(new SchemaReference(name, dependency.subject, version.applyAsInt(dependency)));
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
                entry.fail(e.getMessage(), entry.locations().locateError(e.getMessage()));
            } catch (RuntimeException e) {
                String message = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
                entry.fail(message, entry.locations().locateError(e.getMessage()));
            }
        }
        return this;
    }

    private static Location referenceLocation(Entry entry, Entry dependency) {
        String name = entry.avroNames.get(dependency);
        if (name == null) {
            name = entry.jsonRefs.entrySet().stream().filter(e -> e.getValue() == dependency).map(Map.Entry::getKey)
                    .findFirst().orElse(null);
        }
        if (name == null) {
            return Location.START;
        }
        String simple = name.contains(".") && entry.type() == SchemaType.AVRO
                ? name.substring(name.lastIndexOf('.') + 1) : name;
        return entry.locations().findString(name).or(() -> entry.locations().findString(simple)).orElse(Location.START);
    }
}
