package dev.accord.server.auth;

import dev.accord.server.registry.ErrorCode;
import dev.accord.server.registry.RegistryException;
import dev.accord.server.store.Credentials;
import dev.accord.server.store.Credentials.Credential;
import dev.accord.server.store.EventLog;
import dev.accord.server.store.EventType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Use cases of API keys and users: create (the secret is returned once), list, revoke. Admins only. */
@ApplicationScoped
public class Accounts {

    private static final java.util.regex.Pattern USER_NAME = java.util.regex.Pattern.compile("[A-Za-z0-9._@-]{1,64}");

    @Inject
    Credentials credentials;

    @Inject
    EventLog events;

    @Inject
    Authenticator authenticator;

    /** A new credential and, for keys, its secret: the only time the secret is seen. */
    public record Created(Credential credential, String secret) {
    }

    @Transactional
    public Created createKey(Caller caller, String description, Role role, List<String> subjects, Instant expiresAt,
                             String owner) {
        validate(subjects, expiresAt);
        String id = "AK" + SecretHasher.randomSecret(12).toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "X");
        String secret = SecretHasher.randomSecret(32);
        Credential credential = credentials.insert(new Credential(id, Credentials.KEY, SecretHasher.hash(secret),
                role.wireName(), subjects, description, owner == null ? caller.principal().name() : owner,
                Instant.now(), null, expiresAt, null));
        events.append(caller, EventType.AUTH_KEY_CREATED, null, null, null, summary(credential));
        return new Created(credential, secret);
    }

    @Transactional
    public Credential createUser(Caller caller, String name, String password, Role role, List<String> subjects,
                                 String description) {
        if (name == null || !USER_NAME.matcher(name).matches()) {
            throw new RegistryException(ErrorCode.UNPROCESSABLE_ENTITY,
                    "A user name is 1 to 64 letters, digits, '.', '_', '@' or '-'");
        }
        if (password == null || password.length() < 12) {
            throw new RegistryException(ErrorCode.UNPROCESSABLE_ENTITY, "A password has at least 12 characters");
        }
        validate(subjects, null);
        if (credentials.exists(name)) {
            throw new RegistryException(ErrorCode.CONFLICT, "A user or key named '" + name + "' exists already");
        }
        Credential credential = credentials.insert(new Credential(name, Credentials.USER, SecretHasher.hash(password),
                role.wireName(), subjects, description, caller.principal().name(), Instant.now(), null, null, null));
        events.append(caller, EventType.AUTH_USER_CREATED, null, null, null, summary(credential));
        return credential;
    }

    /** Revokes a key or removes a user: refused at once, here and (through the event) on every instance. */
    @Transactional
    public Credential revoke(Caller caller, String kind, String id) {
        Credential credential = credentials.find(kind, id).filter(c -> c.revokedAt() == null)
                .orElseThrow(() -> new RegistryException(ErrorCode.NOT_FOUND,
                        (kind.equals(Credentials.KEY) ? "API key '" : "User '") + id + "' not found"));
        Instant now = Instant.now();
        credentials.revoke(kind, id, now);
        events.append(caller, kind.equals(Credentials.KEY) ? EventType.AUTH_KEY_REVOKED : EventType.AUTH_USER_DELETED,
                null, null, null, summary(credential));
        authenticator.forgetVerified();
        return credential.revokedAt(now);
    }

    public List<Credential> list(String kind) {
        return credentials.list(kind);
    }

    private static void validate(List<String> subjects, Instant expiresAt) {
        if (subjects.isEmpty()) {
            throw new RegistryException(ErrorCode.UNPROCESSABLE_ENTITY,
                    "\"subjects\" needs at least one pattern: \"*\", a prefix such as \"orders.*\", or a subject name");
        }
        for (String pattern : subjects) {
            if (pattern == null || pattern.isBlank() || pattern.contains(",") || pattern.length() > 255
                    || (pattern.indexOf('*') >= 0 && pattern.indexOf('*') != pattern.length() - 1)) {
                throw new RegistryException(ErrorCode.UNPROCESSABLE_ENTITY, "Invalid subject pattern '" + pattern
                        + "': use \"*\", a prefix ending in \"*\", or a subject name without commas");
            }
        }
        if (expiresAt != null && !expiresAt.isAfter(Instant.now())) {
            throw new RegistryException(ErrorCode.UNPROCESSABLE_ENTITY, "\"expiresAt\" is in the past");
        }
    }

    /** What the event log keeps of a credential: never the secret or its hash. */
    private static Map<String, Object> summary(Credential credential) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("id", credential.id());
        payload.put("role", credential.role());
        payload.put("subjects", credential.subjects());
        if (credential.owner() != null) {
            payload.put("owner", credential.owner());
        }
        if (credential.expiresAt() != null) {
            payload.put("expiresAt", credential.expiresAt().toString());
        }
        return payload;
    }
}
