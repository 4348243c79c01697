package dev.accord.server.registry;

import dev.accord.server.store.Locks;

import dev.accord.server.auth.Caller;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.accord.core.compat.CompatibilityLevel;
import dev.accord.server.store.ConfigEntity;
import dev.accord.server.store.EventLog;
import dev.accord.server.store.EventType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.transaction.TransactionSynchronizationRegistry;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/** Global and per-subject compatibility configuration. The global config is stored under subject "". */
@ApplicationScoped
public class CompatibilityConfigs {

    static final String GLOBAL = "";

    @Inject
    ObjectMapper json;

    @Inject
    EventLog events;

    @Inject
    TransactionSynchronizationRegistry transactions;

    private final SettingsCache<SubjectConfig> cache = new SettingsCache<>();

    @ConfigProperty(name = "accord.default-compatibility", defaultValue = "BACKWARD")
    String defaultLevel;

    /** The server default: what the global config is when nobody has set it. */
    SubjectConfig serverDefault() {
        return SubjectConfig.withLevel(CompatibilityLevel.fromName(defaultLevel).orElse(CompatibilityLevel.BACKWARD));
    }

    /** The effective global config (server default overlaid with what was set). */
    @Transactional
    public SubjectConfig global() {
        return serverDefault().overlay(stored(GLOBAL));
    }

    /**
     * The config that applies to a subject: global, overlaid with its context's fields (for a subject in a
     * context other than the default one), overlaid with the subject's own.
     */
    @Transactional
    public SubjectConfig effective(String subject) {
        String context = QualifiedSubjects.context(subject);
        SubjectConfig config = global();
        if (!context.equals(QualifiedSubjects.DEFAULT_CONTEXT) && !QualifiedSubjects.namesContext(subject)) {
            config = config.overlay(stored(QualifiedSubjects.contextSubject(context)));
        }
        return config.overlay(stored(subject));
    }

    /** The subject's own config; 40408 when it has none and {@code defaultToGlobal} is false. */
    @Transactional
    public SubjectConfig ofSubject(String subject, boolean defaultToGlobal) {
        SubjectNames.validate(subject);
        SubjectConfig own = stored(subject);
        if (!own.isEmpty()) {
            return defaultToGlobal ? effective(subject) : own;
        }
        if (defaultToGlobal) {
            return effective(subject); // its context's, then the global one
        }
        throw new RegistryException(ErrorCode.SUBJECT_COMPATIBILITY_NOT_CONFIGURED,
                "Subject '" + subject + "' does not have subject-level compatibility configured");
    }

    @Transactional
    public SubjectConfig update(Caller caller, String subject, SubjectConfig update) {
        if (!subject.equals(GLOBAL)) {
            SubjectNames.validate(subject);
        }
        Locks.setting("config", subject);
        SubjectConfig merged = stored(subject).overlay(update);
        cache.invalidateAfterCompletion(transactions);
        ConfigEntity entity = ConfigEntity.findById(subject);
        if (entity == null) {
            entity = new ConfigEntity();
            entity.subject = subject;
        }
        entity.config = write(merged.toJson());
        entity.updatedAt = Instant.now();
        entity.persist();
        events.append(caller, EventType.CONFIG_CHANGED, subject.isEmpty() ? null : subject, null, null,
                Map.of("config", merged.toJson()));
        return update;
    }

    /** Removes a config and returns the previous one; 40401 for a subject that has none. */
    @Transactional
    public SubjectConfig delete(Caller caller, String subject) {
        Locks.setting("config", subject);
        SubjectConfig previous;
        if (subject.equals(GLOBAL)) {
            previous = global();
        } else {
            SubjectNames.validate(subject);
            previous = stored(subject);
            if (previous.isEmpty()) {
                throw RegistryException.subjectNotFound(subject);
            }
        }
        cache.invalidateAfterCompletion(transactions);
        ConfigEntity.deleteById(subject);
        events.append(caller, EventType.CONFIG_DELETED, subject.isEmpty() ? null : subject, null, null,
                Map.of("previous", previous.toJson()));
        return previous;
    }

    /** Drops a subject's config without an event of its own (part of a permanent subject delete). */
    void forget(String subject) {
        cache.invalidateAfterCompletion(transactions);
        ConfigEntity.deleteById(subject);
    }

    /** Another instance changed configs. */
    void changedElsewhere() {
        cache.invalidateAll();
    }

    SubjectConfig stored(String subject) {
        return cache.get(subject, this::load).orElseGet(SubjectConfig::empty);
    }

    private Optional<SubjectConfig> load(String subject) {
        ConfigEntity entity = ConfigEntity.findById(subject);
        if (entity == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(SubjectConfig.ofStored(json.readTree(entity.config)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored config of '" + subject + "' is not JSON", e);
        }
    }

    private String write(ObjectNode node) {
        try {
            return json.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
