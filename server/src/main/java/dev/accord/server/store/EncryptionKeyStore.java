package dev.accord.server.store;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The repository of KEKs and DEKs (the DEK registry). Writes run in the caller's transaction. */
@ApplicationScoped
public class EncryptionKeyStore {

    /** A KEK as the registry answers it; {@code kmsProps} is a JSON object text or null. */
    public record Kek(String name, String kmsType, String kmsKeyId, String kmsProps, String doc, boolean shared,
                      boolean deleted, Instant updatedAt) {
    }

    /** A DEK version as the registry answers it: only the encrypted key material, never the key. */
    public record Dek(String kekName, String subject, String algorithm, int version, String encryptedKeyMaterial,
                      boolean deleted, Instant updatedAt) {
    }

    @Transactional(Transactional.TxType.REQUIRED)
    public Optional<Kek> kek(String name) {
        KekEntity row = KekEntity.findById(name);
        return Optional.ofNullable(row).map(EncryptionKeyStore::view);
    }

    /** KEK names in name order, soft-deleted ones only when asked for. */
    @Transactional(Transactional.TxType.REQUIRED)
    public List<String> kekNames(boolean deleted, String prefix, int offset, int limit) {
        var query = KekEntity.<KekEntity>find("(?1 = true or deleted = false) and name like ?2 order by name", deleted,
                escapeLike(prefix) + "%");
        int from = Math.max(offset, 0);
        if (from > 0 || limit >= 0) {
            query = query.range(from, limit < 0 ? Integer.MAX_VALUE - 1 : (int) Math.min((long) from + limit - 1,
                    Integer.MAX_VALUE - 1));
        }
        return limit == 0 ? List.of() : query.list().stream().map(row -> row.name).toList();
    }

    /** Locks the KEK's row, so that concurrent writes of its DEKs and its deletion are ordered. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<Kek> lockKek(String name) {
        KekEntity row = KekEntity.findById(name, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
        return Optional.ofNullable(row).map(EncryptionKeyStore::view);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public Kek saveKek(Kek kek) {
        KekEntity row = KekEntity.findById(kek.name());
        if (row == null) {
            row = new KekEntity();
            row.name = kek.name();
            row.kmsType = kek.kmsType();
            row.kmsKeyId = kek.kmsKeyId();
            fill(row, kek);
            row.persist();
        } else {
            fill(row, kek);
        }
        return view(row);
    }

    private static void fill(KekEntity row, Kek kek) {
        row.kmsProps = kek.kmsProps();
        row.doc = kek.doc();
        row.shared = kek.shared();
        row.deleted = kek.deleted();
        row.updatedAt = kek.updatedAt();
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void deleteKek(String name) {
        KekEntity.deleteById(name);
    }

    /** How many DEK versions the KEK has, soft-deleted ones only when asked for. */
    @Transactional(Transactional.TxType.MANDATORY)
    public long dekCount(String kekName, boolean deleted) {
        return DekEntity.count("kekName = ?1 and (?2 = true or deleted = false)", kekName, deleted);
    }

    /** Subjects that have DEKs under the KEK, in name order. */
    @Transactional(Transactional.TxType.REQUIRED)
    public List<String> dekSubjects(String kekName, boolean deleted, int offset, int limit) {
        return DekEntity.getEntityManager().createQuery("select distinct d.subject from DekEntity d"
                        + " where d.kekName = ?1 and (?2 = true or d.deleted = false) order by d.subject", String.class)
                .setParameter(1, kekName).setParameter(2, deleted)
                .setFirstResult(Math.max(offset, 0)).setMaxResults(limit < 0 ? Integer.MAX_VALUE : limit)
                .getResultList();
    }

    /** The DEK's versions (with the algorithm), oldest first, soft-deleted ones only when asked for. */
    @Transactional(Transactional.TxType.REQUIRED)
    public List<Dek> deks(String kekName, String subject, String algorithm, boolean deleted) {
        return DekEntity.<DekEntity>find("kekName = ?1 and subject = ?2 and algorithm = ?3"
                        + " and (?4 = true or deleted = false) order by version", kekName, subject, algorithm, deleted)
                .list().stream().map(EncryptionKeyStore::view).toList();
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public Dek insertDek(Dek dek) {
        DekEntity row = new DekEntity();
        row.kekName = dek.kekName();
        row.subject = dek.subject();
        row.algorithm = dek.algorithm();
        row.version = dek.version();
        row.encryptedKeyMaterial = dek.encryptedKeyMaterial();
        row.deleted = dek.deleted();
        row.updatedAt = dek.updatedAt();
        row.persist();
        return view(row);
    }

    /** Marks DEK versions deleted or not (version null: every version of the algorithm); how many changed. */
    @Transactional(Transactional.TxType.MANDATORY)
    public int markDeks(String kekName, String subject, String algorithm, Integer version, boolean deleted,
                        Instant at) {
        return DekEntity.update("deleted = ?1, updatedAt = ?2 where kekName = ?3 and subject = ?4 and algorithm = ?5"
                        + " and (?6 = 0 or version = ?6) and deleted <> ?1", deleted, at, kekName, subject, algorithm,
                version == null ? 0 : version);
    }

    /** Removes soft-deleted DEK versions (version null: every one of the algorithm); how many went. */
    @Transactional(Transactional.TxType.MANDATORY)
    public long removeDeletedDeks(String kekName, String subject, String algorithm, Integer version) {
        return DekEntity.delete("kekName = ?1 and subject = ?2 and algorithm = ?3 and (?4 = 0 or version = ?4)"
                + " and deleted = true", kekName, subject, algorithm, version == null ? 0 : version);
    }

    private static String escapeLike(String prefix) {
        return prefix == null ? "" : prefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    private static Kek view(KekEntity row) {
        return new Kek(row.name, row.kmsType, row.kmsKeyId, row.kmsProps, row.doc, row.shared, row.deleted,
                row.updatedAt);
    }

    private static Dek view(DekEntity row) {
        return new Dek(row.kekName, row.subject, row.algorithm, row.version, row.encryptedKeyMaterial, row.deleted,
                row.updatedAt);
    }
}
