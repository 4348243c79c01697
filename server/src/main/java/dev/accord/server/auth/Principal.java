package dev.accord.server.auth;

import java.time.Instant;
import java.util.List;

/**
 * Who is calling: an API key, a user, the subject of a bearer token, or nobody. {@code name} is what the event
 * log records as the actor.
 */
public record Principal(Kind kind, String name, List<Grant> grants, Instant expiresAt) {

    public enum Kind { OPEN, ANONYMOUS, API_KEY, USER, TOKEN }

    /** Authentication is off: everyone may do everything, recorded as anonymous. */
    public static final Principal OPEN = new Principal(Kind.OPEN, "anonymous", List.of(new Grant(Role.ADMIN, "*")),
            null);

    public Principal {
        grants = List.copyOf(grants);
    }

    public static Principal anonymous(List<Grant> grants) {
        return new Principal(Kind.ANONYMOUS, "anonymous", grants, null);
    }

    /** The actor in the event log: "key:AK...", "user:alice", "token:sub", or "anonymous". */
    public String actor() {
        return switch (kind) {
            case API_KEY -> "key:" + name;
            case USER -> "user:" + name;
            case TOKEN -> "token:" + name;
            case OPEN, ANONYMOUS -> "anonymous";
        };
    }

    public boolean authenticated() {
        return kind == Kind.API_KEY || kind == Kind.USER || kind == Kind.TOKEN;
    }

    public boolean expired(Instant now) {
        return expiresAt != null && !now.isBefore(expiresAt);
    }

    /** May act with this role on the subject; a null subject is a global setting, which needs a {@code *} grant. */
    public boolean may(Role role, String subject) {
        for (Grant grant : grants) {
            if (grant.role().includes(role) && (subject == null ? grant.coversEverything() : grant.matches(subject))) {
                return true;
            }
        }
        return false;
    }

    /** The subject patterns this principal may read, or null when it may read everything. */
    public List<String> readablePatterns() {
        List<String> patterns = new java.util.ArrayList<>();
        for (Grant grant : grants) {
            if (grant.role().includes(Role.READER)) {
                if (grant.coversEverything()) {
                    return null;
                }
                patterns.add(grant.pattern());
            }
        }
        return patterns;
    }

    /** Has this role on at least one subject (what listing and id lookups need; answers are then filtered). */
    public boolean mayAnywhere(Role role) {
        return grants.stream().anyMatch(g -> g.role().includes(role));
    }
}
