package dev.accord.server.registry;

import com.fasterxml.jackson.databind.JsonNode;
import dev.accord.server.auth.Caller;
import dev.accord.server.store.EncryptionKeyStore;
import dev.accord.server.store.EncryptionKeyStore.Dek;
import dev.accord.server.store.EncryptionKeyStore.Kek;
import dev.accord.server.store.EventLog;
import dev.accord.server.store.EventType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The DEK registry that Confluent's clients use for field-level encryption: KEKs (names of keys in a KMS) and
 * the DEKs of each subject, stored encrypted exactly as the client sent them. Accord calls no KMS, so it never
 * generates a DEK (that needs the KEK's key in clear): a DEK without key material is refused with 40370.
 * Each write is one transaction with its event.
 */
@ApplicationScoped
public class EncryptionKeys {

    public static final Set<String> ALGORITHMS = Set.of("AES128_GCM", "AES256_GCM", "AES256_SIV");
    public static final String DEFAULT_ALGORITHM = "AES256_GCM";

    /** A request to create a KEK ({@code deleted} is accepted and ignored, as Confluent's clients send it). */
    public record NewKek(String name, String kmsType, String kmsKeyId, JsonNode kmsProps, String doc, boolean shared) {
    }

    /** A request to change a KEK: only its KMS properties, doc and sharing can change. */
    public record KekChange(JsonNode kmsProps, String doc, Boolean shared) {
    }

    /** A request to create a DEK version under a KEK. */
    public record NewDek(String subject, Integer version, String algorithm, String encryptedKeyMaterial) {
    }

    @Inject
    EncryptionKeyStore store;

    @Inject
    EventLog events;

    public List<String> kekNames(boolean deleted, String prefix, int offset, int limit) {
        return store.kekNames(deleted, prefix, offset, limit);
    }

    /** A KEK; a soft-deleted one only when {@code deleted} is asked for. */
    public Kek kek(String name, boolean deleted) {
        Kek kek = store.kek(name).orElseThrow(() -> kekNotFound(name));
        if (kek.deleted() && !deleted) {
            throw kekNotFound(name);
        }
        return kek;
    }

    @Transactional
    public Kek createKek(Caller caller, NewKek request) {
        requireText(request.name(), "name");
        requireText(request.kmsType(), "kmsType");
        requireText(request.kmsKeyId(), "kmsKeyId");
        String props = props(request.kmsProps());
        Kek existing = store.lockKek(request.name()).orElse(null);
        if (existing != null) {
            boolean same = existing.kmsType().equals(request.kmsType()) && existing.kmsKeyId().equals(request.kmsKeyId())
                    && Objects.equals(existing.kmsProps(), props) && Objects.equals(existing.doc(), request.doc())
                    && existing.shared() == request.shared();
            if (same && !existing.deleted()) {
                return existing; // creating the same KEK twice is idempotent, as the clients expect
            }
            throw new RegistryException(ErrorCode.KEY_ALREADY_EXISTS, "Key '" + request.name() + "' already exists"
                    + (existing.deleted() ? " (soft-deleted: undelete it or delete it permanently)" : ""));
        }
        Kek kek = store.saveKek(new Kek(request.name(), request.kmsType(), request.kmsKeyId(), props, request.doc(),
                request.shared(), false, Instant.now()));
        events.append(caller, EventType.KEK_REGISTERED, null, null, null, kekPayload(kek));
        return kek;
    }

    @Transactional
    public Kek updateKek(Caller caller, String name, KekChange change) {
        Kek kek = liveKek(name);
        Kek updated = store.saveKek(new Kek(kek.name(), kek.kmsType(), kek.kmsKeyId(),
                change.kmsProps() == null ? kek.kmsProps() : props(change.kmsProps()),
                change.doc() == null ? kek.doc() : change.doc(),
                change.shared() == null ? kek.shared() : change.shared(), false, Instant.now()));
        events.append(caller, EventType.KEK_UPDATED, null, null, null, kekPayload(updated));
        return updated;
    }

    /** Soft delete (refused while live DEKs use it), or permanent delete of a soft-deleted KEK without DEKs. */
    @Transactional
    public void deleteKek(Caller caller, String name, boolean permanent) {
        Kek kek = store.lockKek(name).orElseThrow(() -> kekNotFound(name));
        if (permanent) {
            if (!kek.deleted()) {
                throw new RegistryException(ErrorCode.KEY_NOT_SOFT_DELETED, "Key '" + name
                        + "' must be soft-deleted before it is deleted permanently");
            }
            if (store.dekCount(name, true) > 0) {
                throw new RegistryException(ErrorCode.KEY_REFERENCE_EXISTS, "Key '" + name
                        + "' still has DEKs; delete them permanently first");
            }
            store.deleteKek(name);
            events.append(caller, EventType.KEK_DELETED, null, null, null, Map.of("kekName", name));
            return;
        }
        if (kek.deleted()) {
            throw kekNotFound(name);
        }
        if (store.dekCount(name, false) > 0) {
            throw new RegistryException(ErrorCode.KEY_REFERENCE_EXISTS, "Key '" + name
                    + "' is used by DEKs that are not deleted; delete them first");
        }
        store.saveKek(withDeleted(kek, true));
        events.append(caller, EventType.KEK_SOFT_DELETED, null, null, null, Map.of("kekName", name));
    }

    @Transactional
    public void undeleteKek(Caller caller, String name) {
        Kek kek = store.lockKek(name).orElseThrow(() -> kekNotFound(name));
        if (kek.deleted()) {
            store.saveKek(withDeleted(kek, false));
            events.append(caller, EventType.KEK_UNDELETED, null, null, null, Map.of("kekName", name));
        }
    }

    public List<String> dekSubjects(String kekName, boolean deleted, int offset, int limit) {
        kek(kekName, deleted);
        return store.dekSubjects(kekName, deleted, offset, limit);
    }

    @Transactional
    public Dek createDek(Caller caller, String kekName, NewDek request) {
        requireText(request.subject(), "subject");
        String algorithm = algorithm(request.algorithm());
        int version = request.version() == null || request.version() == 0 ? 1 : request.version();
        if (version < 1) {
            throw new RegistryException(ErrorCode.INVALID_KEY, "DEK version " + version + " is not a version (1 or more)");
        }
        Kek kek = store.lockKek(kekName).orElseThrow(() -> kekNotFound(kekName));
        if (kek.deleted()) {
            throw new RegistryException(ErrorCode.KEY_SOFT_DELETED, "Key '" + kekName + "' is soft-deleted");
        }
        String material = request.encryptedKeyMaterial();
        if (material == null || material.isEmpty()) {
            throw new RegistryException(ErrorCode.DEK_GENERATION_FORBIDDEN, "Accord does not call a KMS and so"
                    + " cannot generate a DEK for key '" + kekName + "': send encryptedKeyMaterial (the client"
                    + " does so for a KEK that is not shared)");
        }
        try {
            Base64.getDecoder().decode(material);
        } catch (IllegalArgumentException e) {
            throw new RegistryException(ErrorCode.INVALID_KEY, "encryptedKeyMaterial must be base64");
        }
        for (Dek existing : store.deks(kekName, request.subject(), algorithm, true)) {
            if (existing.version() == version) {
                if (existing.encryptedKeyMaterial() != null && existing.encryptedKeyMaterial().equals(material)
                        && !existing.deleted()) {
                    return existing;
                }
                throw new RegistryException(ErrorCode.KEY_ALREADY_EXISTS, "DEK of subject '" + request.subject()
                        + "' version " + version + " (" + algorithm + ") under key '" + kekName + "' already exists");
            }
        }
        Dek dek = store.insertDek(new Dek(kekName, request.subject(), algorithm, version, material, false,
                Instant.now()));
        events.append(caller, EventType.DEK_REGISTERED, dek.subject(), version, null, dekPayload(dek));
        return dek;
    }

    /** DEK versions of a subject, oldest first; none is 40470. */
    public List<Dek> deks(String kekName, String subject, String algorithm, boolean deleted) {
        kek(kekName, deleted);
        List<Dek> deks = store.deks(kekName, subject, algorithm(algorithm), deleted);
        if (deks.isEmpty()) {
            throw dekNotFound(kekName, subject);
        }
        return deks;
    }

    /** One DEK version, or the latest for version -1 / null. */
    public Dek dek(String kekName, String subject, String algorithm, Integer version, boolean deleted) {
        List<Dek> deks = deks(kekName, subject, algorithm, deleted);
        if (version == null || version == -1) {
            return deks.get(deks.size() - 1);
        }
        return deks.stream().filter(d -> d.version() == version).findFirst()
                .orElseThrow(() -> dekNotFound(kekName, subject + "' version '" + version));
    }

    /** Soft-deletes, or permanently deletes soft-deleted, DEK versions (version null: all of the algorithm). */
    @Transactional
    public void deleteDek(Caller caller, String kekName, String subject, String algorithm, Integer version,
                          boolean permanent) {
        String alg = algorithm(algorithm);
        store.lockKek(kekName).orElseThrow(() -> kekNotFound(kekName));
        List<Dek> all = store.deks(kekName, subject, alg, true).stream()
                .filter(d -> version == null || version == -1 || d.version() == version).toList();
        if (all.isEmpty()) {
            throw dekNotFound(kekName, subject);
        }
        Integer which = version == null || version == -1 ? null : version;
        if (permanent) {
            if (all.stream().anyMatch(d -> !d.deleted())) {
                throw new RegistryException(ErrorCode.KEY_NOT_SOFT_DELETED, "DEK of subject '" + subject
                        + "' must be soft-deleted before it is deleted permanently");
            }
            store.removeDeletedDeks(kekName, subject, alg, which);
            events.append(caller, EventType.DEK_DELETED, subject, which, null, dekKey(kekName, alg));
            return;
        }
        if (store.markDeks(kekName, subject, alg, which, true, Instant.now()) == 0) {
            throw dekNotFound(kekName, subject);
        }
        events.append(caller, EventType.DEK_SOFT_DELETED, subject, which, null, dekKey(kekName, alg));
    }

    @Transactional
    public void undeleteDek(Caller caller, String kekName, String subject, String algorithm, Integer version) {
        String alg = algorithm(algorithm);
        Kek kek = store.lockKek(kekName).orElseThrow(() -> kekNotFound(kekName));
        if (kek.deleted()) {
            throw new RegistryException(ErrorCode.KEY_SOFT_DELETED, "Key '" + kekName
                    + "' is soft-deleted; undelete it first");
        }
        Integer which = version == null || version == -1 ? null : version;
        if (store.deks(kekName, subject, alg, true).stream().noneMatch(d -> which == null || d.version() == which)) {
            throw dekNotFound(kekName, subject);
        }
        if (store.markDeks(kekName, subject, alg, which, false, Instant.now()) > 0) {
            events.append(caller, EventType.DEK_UNDELETED, subject, which, null, dekKey(kekName, alg));
        }
    }

    private Kek liveKek(String name) {
        Kek kek = store.lockKek(name).orElseThrow(() -> kekNotFound(name));
        if (kek.deleted()) {
            throw kekNotFound(name);
        }
        return kek;
    }

    private static Kek withDeleted(Kek kek, boolean deleted) {
        return new Kek(kek.name(), kek.kmsType(), kek.kmsKeyId(), kek.kmsProps(), kek.doc(), kek.shared(), deleted,
                Instant.now());
    }

    public static String algorithm(String requested) {
        if (requested == null || requested.isEmpty()) {
            return DEFAULT_ALGORITHM;
        }
        if (!ALGORITHMS.contains(requested)) {
            throw new RegistryException(ErrorCode.INVALID_KEY, "Unknown DEK algorithm '" + requested + "': use one of "
                    + List.copyOf(new java.util.TreeSet<>(ALGORITHMS)));
        }
        return requested;
    }

    private static String props(JsonNode kmsProps) {
        if (kmsProps == null || kmsProps.isNull()) {
            return null;
        }
        if (!kmsProps.isObject()) {
            throw new RegistryException(ErrorCode.INVALID_KEY, "kmsProps must be an object of strings");
        }
        kmsProps.fields().forEachRemaining(entry -> {
            if (!entry.getValue().isTextual()) {
                throw new RegistryException(ErrorCode.INVALID_KEY, "kmsProps['" + entry.getKey() + "'] must be a string");
            }
        });
        return kmsProps.isEmpty() ? null : kmsProps.toString();
    }

    private static void requireText(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new RegistryException(ErrorCode.INVALID_KEY, "The key has no " + field);
        }
    }

    private static RegistryException kekNotFound(String name) {
        return new RegistryException(ErrorCode.KEY_NOT_FOUND, "Key '" + name + "' not found");
    }

    private static RegistryException dekNotFound(String kekName, String subject) {
        return new RegistryException(ErrorCode.KEY_NOT_FOUND, "DEK of subject '" + subject + "' under key '"
                + kekName + "' not found");
    }

    private static Map<String, Object> kekPayload(Kek kek) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("kekName", kek.name());
        payload.put("kmsType", kek.kmsType());
        payload.put("shared", kek.shared());
        return payload;
    }

    private static Map<String, Object> dekPayload(Dek dek) {
        Map<String, Object> payload = dekKey(dek.kekName(), dek.algorithm());
        payload.put("version", dek.version());
        return payload;
    }

    private static Map<String, Object> dekKey(String kekName, String algorithm) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("kekName", kekName);
        payload.put("algorithm", algorithm);
        return payload;
    }
}
