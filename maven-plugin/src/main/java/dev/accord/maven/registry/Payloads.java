package dev.accord.maven.registry;

import dev.accord.core.schema.SchemaType;
import dev.accord.maven.schema.SchemaSet;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What to send the registry for a schema file. A file without references is sent as it is. A file that
 * references others is sent with references to the registered versions of those files when the registry has
 * their exact content; when it does not (a referenced file is new or changed), an Avro schema is sent with the
 * referenced types inlined (Avro compatibility is judged on the resolved schema, so the verdict is the same),
 * and a JSON schema with references to the subjects' latest versions.
 */
final class Payloads {

    private final RegistryClient client;
    /** The registered version of each file's exact content; -1 when the registry does not have it. */
    private final Map<SchemaSet.Entry, Integer> versions = new HashMap<>();

    Payloads(RegistryClient client) {
        this.client = client;
    }

    /** Records a version registered in this run. */
    void registered(SchemaSet.Entry entry, int version) {
        versions.put(entry, version);
    }

    /** The registered version of the file's exact content, or empty. */
    Optional<RegistryClient.Registered> lookup(SchemaSet.Entry entry) {
        Optional<RegistryClient.Registered> found = client.lookup(entry.subject(), payload(entry));
        versions.put(entry, found.map(RegistryClient.Registered::version).orElse(-1));
        return found;
    }

    /** True when every file the entry references is registered with its exact content. */
    boolean dependenciesRegistered(SchemaSet.Entry entry) {
        for (SchemaSet.Entry dependency : entry.dependencies()) {
            if (version(dependency) < 0) {
                return false;
            }
        }
        return true;
    }

    private int version(SchemaSet.Entry entry) {
        Integer known = versions.get(entry);
        if (known == null) {
            lookup(entry);
            known = versions.get(entry);
        }
        return known;
    }

    RegistryClient.SchemaPayload payload(SchemaSet.Entry entry) {
        String text = entry.file().text();
        if (entry.dependencies().isEmpty()) {
            return new RegistryClient.SchemaPayload(text, entry.type(), List.of());
        }
        if (dependenciesRegistered(entry)) {
            return new RegistryClient.SchemaPayload(text, entry.type(), SchemaSet.references(entry, this::version));
        }
        if (entry.parsed() != null) {
            // references not registered yet: formats that can inline them register the schema self-contained
            var selfContained = entry.format().selfContained(entry.parsed());
            if (selfContained.isPresent()) {
                return new RegistryClient.SchemaPayload(selfContained.get(), entry.type(), List.of());
            }
        }
        return new RegistryClient.SchemaPayload(text, entry.type(), SchemaSet.references(entry, this::version));
    }
}
