package dev.accord.server.store;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** A schema's content, stored once per identity and addressed by its global id. Never updated. */
@Entity
@Table(name = "schema_content")
public class SchemaContentEntity extends PanacheEntityBase {

    @Id
    public long id;

    /** Identity: content fingerprint plus metadata and rule set. */
    public String fingerprint;

    /** Schema type, canonical text and references only. */
    @Column(name = "content_fingerprint")
    public String contentFingerprint;

    @Column(name = "schema_type")
    public String schemaType;

    @Column(name = "schema_text")
    public String schemaText;

    @Column(name = "references_json")
    public String referencesJson;

    @Column(name = "metadata_json")
    public String metadataJson;

    @Column(name = "ruleset_json")
    public String ruleSetJson;

    @Column(name = "created_at")
    public Instant createdAt;
}
