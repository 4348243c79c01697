package dev.accord.server.store;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The repository of API keys and users. */
@ApplicationScoped
public class Credentials {

    public static final String KEY = "key";
    public static final String USER = "user";

    /** A live credential by id (not revoked), for authentication. */
    @Transactional(Transactional.TxType.REQUIRED)
    public Optional<Credential> live(String id) {
        CredentialEntity row = CredentialEntity.findById(id);
        return row == null || row.revokedAt != null ? Optional.empty() : Optional.of(view(row));
    }

    @Transactional(Transactional.TxType.REQUIRED)
    public Optional<Credential> find(String kind, String id) {
        CredentialEntity row = CredentialEntity.findById(id);
        return row == null || !row.kind.equals(kind) ? Optional.empty() : Optional.of(view(row));
    }

    /** Every credential of a kind, revoked ones included (they are part of the audit trail), oldest first. */
    @Transactional(Transactional.TxType.REQUIRED)
    public List<Credential> list(String kind) {
        return CredentialEntity.<CredentialEntity>find("kind = ?1 order by createdAt, id", kind).list().stream()
                .map(Credentials::view).toList();
    }

    /** Adds a credential in the caller's transaction (the use case appends its event in the same one). */
    @Transactional(Transactional.TxType.MANDATORY)
    public Credential insert(Credential credential) {
        CredentialEntity row = new CredentialEntity();
        row.id = credential.id();
        row.kind = credential.kind();
        row.secretHash = credential.secretHash();
        row.role = credential.role();
        row.subjects = String.join(",", credential.subjects());
        row.description = credential.description();
        row.owner = credential.owner();
        row.createdAt = credential.createdAt();
        row.expiresAt = credential.expiresAt();
        row.persist();
        return view(row);
    }

    /** Marks a credential revoked; false when it does not exist or already was. */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean revoke(String kind, String id, Instant at) {
        return CredentialEntity.update("revokedAt = ?1 where id = ?2 and kind = ?3 and revokedAt is null", at, id,
                kind) == 1;
    }

    /** Records a successful authentication; at most once a minute per credential, outside any request's work. */
    public void touch(String id, Instant at) {
        QuarkusTransaction.requiringNew().run(() -> CredentialEntity.update(
                "lastUsedAt = ?1 where id = ?2 and (lastUsedAt is null or lastUsedAt < ?3)", at, id,
                at.minusSeconds(60)));
    }

    @Transactional(Transactional.TxType.REQUIRED)
    public boolean exists(String id) {
        return CredentialEntity.findById(id) != null;
    }

    private static Credential view(CredentialEntity row) {
        return new Credential(row.id, row.kind, row.secretHash, row.role, List.of(row.subjects.split(",")),
                row.description, row.owner, row.createdAt, row.lastUsedAt, row.expiresAt, row.revokedAt);
    }

    /** A credential as the auth layer sees it; {@code secretHash} never leaves the server. */
    public record Credential(String id, String kind, String secretHash, String role, List<String> subjects,
                             String description, String owner, Instant createdAt, Instant lastUsedAt,
                             Instant expiresAt, Instant revokedAt) {

        public Credential revokedAt(Instant at) {
            return new Credential(id, kind, secretHash, role, subjects, description, owner, createdAt, lastUsedAt,
                    expiresAt, at);
        }
    }
}
