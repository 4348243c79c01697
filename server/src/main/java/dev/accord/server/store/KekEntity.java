package dev.accord.server.store;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** A key encryption key: a name for a key kept in a KMS (Accord never sees the key itself). */
@Entity
@Table(name = "encryption_kek")
public class KekEntity extends PanacheEntityBase {

    @Id
    public String name;

    @Column(name = "kms_type")
    public String kmsType;

    @Column(name = "kms_key_id")
    public String kmsKeyId;

    /** A JSON object of strings, or null. */
    @Column(name = "kms_props")
    public String kmsProps;

    public String doc;

    public boolean shared;

    public boolean deleted;

    @Column(name = "updated_at")
    public Instant updatedAt;
}
