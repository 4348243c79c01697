package dev.accord.server.store;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** An API key or a user: its hash, role and subject patterns. Only {@link Credentials} reads and writes it. */
@Entity
@Table(name = "auth_credential")
public class CredentialEntity extends PanacheEntityBase {

    @Id
    public String id;

    public String kind;

    @Column(name = "secret_hash")
    public String secretHash;

    public String role;

    /** The subject patterns, comma-separated (patterns never contain commas). */
    public String subjects;

    public String description;

    public String owner;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "last_used_at")
    public Instant lastUsedAt;

    @Column(name = "expires_at")
    public Instant expiresAt;

    @Column(name = "revoked_at")
    public Instant revokedAt;
}
