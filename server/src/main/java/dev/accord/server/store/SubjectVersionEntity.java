package dev.accord.server.store;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.List;

/** One version of a subject, pointing at a schema content row. */
@Entity
@Table(name = "subject_version")
public class SubjectVersionEntity extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public String subject;

    public int version;

    @Column(name = "schema_id")
    public long schemaId;

    public boolean deleted;

    @Column(name = "created_at")
    public Instant createdAt;

    /** Every version of a subject, soft-deleted ones included, ascending. */
    public static List<SubjectVersionEntity> ofSubject(String subject) {
        return list("subject = ?1 order by version", subject);
    }

    /** The newest live version of a subject below {@code version}, asked of the database (not filtered here). */
    public static java.util.Optional<SubjectVersionEntity> liveBefore(String subject, int version) {
        return find("subject = ?1 and deleted = false and version < ?2 order by version desc", subject, version)
                .<SubjectVersionEntity>firstResultOptional();
    }

    public static SubjectVersionEntity find(String subject, int version) {
        return find("subject = ?1 and version = ?2", subject, version).firstResult();
    }

    public static List<SubjectVersionEntity> withSchemaId(long schemaId) {
        return list("schemaId = ?1 order by subject, version", schemaId);
    }
}
