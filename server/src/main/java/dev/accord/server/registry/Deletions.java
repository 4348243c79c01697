package dev.accord.server.registry;

import dev.accord.server.auth.Caller;

import dev.accord.server.store.EventLog;
import dev.accord.server.store.EventType;
import dev.accord.server.store.Locks;
import dev.accord.server.store.SchemaContentEntity;
import dev.accord.server.store.SchemaKeys;
import dev.accord.server.store.SchemaReferenceEntity;
import dev.accord.server.store.SubjectVersionEntity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.Transactional;
import jakarta.transaction.TransactionSynchronizationRegistry;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Soft and permanent deletes of versions and subjects. Soft deletes keep the rows (ids stay resolvable);
 * a permanent delete needs a soft delete first. A version another live schema references cannot be deleted.
 */
@ApplicationScoped
public class Deletions {

    @Inject
    EventLog events;

    @Inject
    SubjectQueries queries;

    @Inject
    SchemaContents contents;

    @Inject
    Modes modes;

    @Inject
    CompatibilityConfigs configs;

    @Inject
    TransactionSynchronizationRegistry transactions;

    /** Deletes every version of a subject and returns their numbers. */
    @Transactional
    public List<Integer> deleteSubject(Caller caller, String subject, boolean permanent) {
        SubjectNames.validate(subject);
        Locks.subject(subject);
        requireWritable(subject);
        List<SubjectVersionEntity> rows = SubjectVersionEntity.ofSubject(subject);
        if (rows.isEmpty()) {
            throw RegistryException.subjectNotFound(subject);
        }
        List<SubjectVersionEntity> live = rows.stream().filter(r -> !r.deleted).toList();
        List<Integer> deleted = new ArrayList<>();
        if (!permanent) {
            if (live.isEmpty()) {
                throw new RegistryException(ErrorCode.SUBJECT_SOFT_DELETED, "Subject '" + subject
                        + "' was soft deleted. Set permanent=true to delete permanently");
            }
            for (SubjectVersionEntity row : live) {
                requireUnreferenced(row, false);
            }
            for (SubjectVersionEntity row : live) {
                row.deleted = true;
                deleted.add(row.version);
            }
            events.append(caller, EventType.SUBJECT_SOFT_DELETED, subject, null, null, Map.of("versions", deleted));
            return deleted;
        }
        if (!live.isEmpty()) {
            throw new RegistryException(ErrorCode.SUBJECT_NOT_SOFT_DELETED, "Subject '" + subject
                    + "' was not deleted first before being permanently deleted");
        }
        for (SubjectVersionEntity row : rows) {
            requireUnreferenced(row, true);
        }
        removeRows(rows);
        rows.forEach(r -> deleted.add(r.version));
        configs.forget(subject);
        modes.forget(subject);
        events.append(caller, EventType.SUBJECT_DELETED, subject, null, null, Map.of("versions", deleted));
        return deleted;
    }

    /** Deletes one version and returns its number. */
    @Transactional
    public int deleteVersion(Caller caller, String subject, VersionId id, boolean permanent) {
        SubjectNames.validate(subject);
        Locks.subject(subject);
        requireWritable(subject);
        List<SubjectVersionEntity> rows = SubjectVersionEntity.ofSubject(subject);
        if (rows.isEmpty()) {
            throw RegistryException.subjectNotFound(subject);
        }
        SubjectVersionEntity row;
        if (id.latest()) {
            List<SubjectVersionEntity> candidates = permanent ? rows : rows.stream().filter(r -> !r.deleted).toList();
            if (candidates.isEmpty()) {
                throw RegistryException.subjectNotFound(subject);
            }
            row = candidates.get(candidates.size() - 1);
        } else {
            row = rows.stream().filter(r -> r.version == id.number()).findFirst()
                    .orElseThrow(() -> RegistryException.versionNotFound(id.number()));
        }
        if (!permanent) {
            if (row.deleted) {
                throw new RegistryException(ErrorCode.VERSION_SOFT_DELETED, "Subject '" + subject + "' Version "
                        + row.version + " was soft deleted. Set permanent=true to delete permanently");
            }
            requireUnreferenced(row, false);
            row.deleted = true;
            events.append(caller, EventType.VERSION_SOFT_DELETED, subject, row.version, SchemaKeys.id(row.schemaId), Map.of());
            return row.version;
        }
        if (!row.deleted) {
            throw new RegistryException(ErrorCode.VERSION_NOT_SOFT_DELETED, "Subject '" + subject + "' Version "
                    + row.version + " was not deleted first before being permanently deleted");
        }
        requireUnreferenced(row, true);
        removeRows(List.of(row));
        if (rows.size() == 1) {
            configs.forget(subject);
            modes.forget(subject);
        }
        events.append(caller, EventType.VERSION_DELETED, subject, row.version, SchemaKeys.id(row.schemaId), Map.of());
        return row.version;
    }

    /**
     * Permanently removes soft-deleted versions nobody references: of one subject, of a context's subjects
     * ({@code :.ctx:}), or of all (null).
     */
    void purgeSoftDeleted(Caller caller, String subject) {
        List<SubjectVersionEntity> rows = subject == null ? SubjectVersionEntity.list("deleted = true")
                : QualifiedSubjects.namesContext(subject) ? SubjectVersionEntity.list(
                        "substring(subject, 1, length(?1)) = ?1 and deleted = true", subject)
                : SubjectVersionEntity.list("subject = ?1 and deleted = true", subject);
        List<SubjectVersionEntity> removable = rows.stream()
                .filter(r -> SchemaReferenceEntity.to(r.subject, r.version).isEmpty()).toList();
        removeRows(removable);
        for (SubjectVersionEntity row : removable) {
            events.append(caller, EventType.VERSION_DELETED, row.subject, row.version, SchemaKeys.id(row.schemaId),
                    Map.of("reason", "switch to IMPORT mode"));
        }
    }

    private void requireWritable(String subject) {
        if (modes.effective(subject).readOnly()) {
            throw RegistryException.notPermitted("Subject '" + subject + "' is in read-only mode");
        }
    }

    /**
     * 42206 when another schema references the version: through a live version for a soft delete, through
     * any remaining version for a permanent one (its content would no longer resolve).
     */
    private void requireUnreferenced(SubjectVersionEntity target, boolean permanent) {
        for (SchemaReferenceEntity reference : SchemaReferenceEntity.to(target.subject, target.version)) {
            for (SubjectVersionEntity referrer : SubjectVersionEntity.withSchemaId(reference.schemaId)) {
                if (permanent || !referrer.deleted) {
                    throw new RegistryException(ErrorCode.REFERENCE_EXISTS, "One or more references exist to the"
                            + " schema {subject=" + target.subject + ", version=" + target.version + "}: schema "
                            + SchemaKeys.id(reference.schemaId) + " (subject '" + referrer.subject + "' version "
                            + referrer.version + ") references it");
                }
            }
        }
    }

    /** Deletes version rows, then the content rows no version uses any more. */
    private void removeRows(List<SubjectVersionEntity> rows) {
        Set<Long> ids = new LinkedHashSet<>();
        for (SubjectVersionEntity row : rows) {
            ids.add(row.schemaId);
            row.delete();
        }
        SubjectVersionEntity.flush();
        for (long id : ids) {
            SchemaContentEntity content = SchemaContentEntity.findById(id);
            if (content == null) {
                continue;
            }
            // the lock registrations take to find or create this content: a registration that is about to use
            // it commits first (and is counted below), or finds it gone and creates it anew
            Locks.content(content.fingerprint);
            if (SubjectVersionEntity.count("schemaId", id) == 0) {
                SchemaReferenceEntity.delete("schemaId", id);
                SchemaContentEntity.deleteById(id);
                contents.removed(id);
                transactions.registerInterposedSynchronization(new Synchronization() {
                    @Override
                    public void beforeCompletion() {
                    }

                    @Override
                    public void afterCompletion(int status) {
                        if (status == Status.STATUS_COMMITTED) {
                            contents.removed(id); // a reader may have re-cached it before the commit
                        }
                    }
                });
            }
        }
    }
}
