package dev.accord.server.registry;

import dev.accord.server.store.Locks;

import dev.accord.server.auth.Caller;
import dev.accord.server.auth.Role;

import dev.accord.server.store.EventLog;
import dev.accord.server.store.EventType;
import dev.accord.server.store.ModeEntity;
import dev.accord.server.store.SubjectVersionEntity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.transaction.TransactionSynchronizationRegistry;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/** Global and per-subject modes. The global mode is stored under subject "". */
@ApplicationScoped
public class Modes {

    static final String GLOBAL = "";

    @Inject
    EventLog events;

    @Inject
    Deletions deletions;

    @Inject
    TransactionSynchronizationRegistry transactions;

    private final SettingsCache<Mode> cache = new SettingsCache<>();

    /** The mode that applies to a subject: its own, else its context's, else the global one, else READWRITE. */
    @Transactional
    public Mode effective(String subject) {
        Mode own = stored(subject);
        if (own != null) {
            return own;
        }
        String context = QualifiedSubjects.context(subject);
        if (!context.equals(QualifiedSubjects.DEFAULT_CONTEXT) && !QualifiedSubjects.namesContext(subject)) {
            Mode ofContext = stored(QualifiedSubjects.contextSubject(context));
            if (ofContext != null) {
                return ofContext;
            }
        }
        return global();
    }

    @Transactional
    public Mode global() {
        Mode global = stored(GLOBAL);
        return global == null ? Mode.READWRITE : global;
    }

    /** The subject's own mode; 40409 when it has none and {@code defaultToGlobal} is false. */
    @Transactional
    public Mode ofSubject(String subject, boolean defaultToGlobal) {
        SubjectNames.validate(subject);
        Mode own = stored(subject);
        if (own != null) {
            return own;
        }
        if (defaultToGlobal) {
            return effective(subject); // its context's, then the global one
        }
        throw new RegistryException(ErrorCode.SUBJECT_MODE_NOT_CONFIGURED,
                "Subject '" + subject + "' does not have subject-level mode configured");
    }

    /**
     * Sets a mode. Switching to IMPORT is refused while live versions exist in the scope, unless forced; it
     * permanently removes the scope's soft-deleted versions so imported ids and versions cannot collide with them.
     */
    @Transactional
    public Mode update(Caller caller, String subject, Mode mode, boolean force) {
        boolean global = subject.equals(GLOBAL);
        Locks.setting("mode", subject);
        if (mode == Mode.FORWARD && !global) {
            throw new RegistryException(ErrorCode.INVALID_MODE, "Mode FORWARD can only be set for the global"
                    + " context ':.__GLOBAL:', not for subject '" + subject + "'");
        }
        if (mode.importing() && !caller.principal().may(Role.ADMIN, global ? null : subject)) {
            // IMPORT lets a caller choose ids and versions: an admin's decision, wherever it applies
            throw new RegistryException(ErrorCode.FORBIDDEN, caller.actor() + " may not switch "
                    + (global ? "the registry" : "subject '" + subject + "'") + " to " + mode + " mode: this needs the "
                    + "admin role" + (global ? " on every subject (a '*' grant)" : " on subject '" + subject + "'"));
        }
        if (!global) {
            SubjectNames.validate(subject);
        }
        Mode current = global ? global() : effective(subject);
        if (mode.importing() && !current.importing()) {
            long live = global ? SubjectVersionEntity.count("deleted = false")
                    : QualifiedSubjects.namesContext(subject) ? SubjectVersionEntity.count(
                            "substring(subject, 1, length(?1)) = ?1 and deleted = false", subject)
                    : SubjectVersionEntity.count("subject = ?1 and deleted = false", subject);
            if (live > 0 && !force) {
                throw RegistryException.notPermitted("Cannot import since found existing subjects"
                        + (global ? "" : " ('" + subject + "' has live versions)")
                        + "; delete them first or set the mode with force=true");
            }
            deletions.purgeSoftDeleted(caller, global ? null : subject);
        }
        cache.invalidateAfterCompletion(transactions);
        ModeEntity entity = ModeEntity.findById(subject);
        if (entity == null) {
            entity = new ModeEntity();
            entity.subject = subject;
        }
        entity.mode = mode.name();
        entity.updatedAt = Instant.now();
        entity.persist();
        events.append(caller, EventType.MODE_CHANGED, global ? null : subject, null, null, Map.of("mode", mode.name()));
        return mode;
    }

    /** Removes a mode and returns the previous one; 40409 for a subject that has none. */
    @Transactional
    public Mode delete(Caller caller, String subject) {
        boolean global = subject.equals(GLOBAL);
        Locks.setting("mode", subject);
        Mode previous = global ? global() : stored(SubjectNames.validate(subject));
        if (previous == null) {
            throw new RegistryException(ErrorCode.SUBJECT_MODE_NOT_CONFIGURED,
                    "Subject '" + subject + "' does not have subject-level mode configured");
        }
        cache.invalidateAfterCompletion(transactions);
        ModeEntity.deleteById(subject);
        events.append(caller, EventType.MODE_DELETED, global ? null : subject, null, null, Map.of("previous", previous.name()));
        return previous;
    }

    /** Drops a subject's mode without an event of its own (part of a permanent subject delete). */
    void forget(String subject) {
        cache.invalidateAfterCompletion(transactions);
        ModeEntity.deleteById(subject);
    }

    /** Another instance changed modes. */
    void changedElsewhere() {
        cache.invalidateAll();
    }

    private Mode stored(String subject) {
        return cache.get(subject, s -> {
            ModeEntity entity = ModeEntity.findById(s);
            return entity == null ? Optional.empty() : Optional.of(Mode.valueOf(entity.mode));
        }).orElse(null);
    }
}
