package dev.accord.server.store;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** One version of a data encryption key of a subject, as the client encrypted it with its KEK. */
@Entity
@Table(name = "encryption_dek")
public class DekEntity extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "kek_name")
    public String kekName;

    public String subject;

    public String algorithm;

    public int version;

    /** Base64 of the DEK encrypted by the KEK; null only for a shared KEK (which a KMS-calling server fills). */
    @Column(name = "encrypted_key_material")
    public String encryptedKeyMaterial;

    public boolean deleted;

    @Column(name = "updated_at")
    public Instant updatedAt;
}
