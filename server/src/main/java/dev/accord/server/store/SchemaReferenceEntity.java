package dev.accord.server.store;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.util.List;
import java.util.Objects;

/** A reference from a schema content row to a subject version, for "referenced by" and delete protection. */
@Entity
@Table(name = "schema_reference")
@IdClass(SchemaReferenceEntity.Key.class)
public class SchemaReferenceEntity extends PanacheEntityBase {

    @Id
    @Column(name = "schema_id")
    public long schemaId;

    @Id
    public int ordinal;

    public String name;

    @Column(name = "ref_subject")
    public String refSubject;

    @Column(name = "ref_version")
    public int refVersion;

    public static List<SchemaReferenceEntity> to(String subject, int version) {
        return list("refSubject = ?1 and refVersion = ?2", subject, version);
    }

    /** Composite primary key. */
    public static class Key implements Serializable {
        public long schemaId;
        public int ordinal;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.schemaId == schemaId && k.ordinal == ordinal;
        }

        @Override
        public int hashCode() {
            return Objects.hash(schemaId, ordinal);
        }
    }
}
