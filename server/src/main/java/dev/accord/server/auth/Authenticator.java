package dev.accord.server.auth;

import dev.accord.server.store.Credentials;
import dev.accord.server.store.Credentials.Credential;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Turns an {@code Authorization} header into a principal: Basic with an API key and its secret (the Confluent
 * clients' {@code basic.auth.user.info=KEY:SECRET}) or a user and password, or Bearer with a signed token.
 * Verified headers are kept for a minute under their SHA-256 (never in clear), so a serializer's requests do not
 * pay the hash; revocations and expiry apply at once (the cache is emptied by every credential event, on every
 * instance, and expiry is checked on each request).
 */
@ApplicationScoped
public class Authenticator {

    private static final long CACHE_NANOS = 60_000_000_000L;
    private static final int CACHE_LIMIT = 10_000;

    @ConfigProperty(name = "accord.auth.anonymous", defaultValue = "none")
    String anonymous;

    @ConfigProperty(name = "accord.auth.jwt.public-key")
    Optional<String> jwtPublicKey;

    @ConfigProperty(name = "accord.auth.jwt.issuer")
    Optional<String> jwtIssuer;

    @ConfigProperty(name = "accord.auth.jwt.grants-claim", defaultValue = "accord_grants")
    String jwtGrantsClaim;

    @Inject
    Credentials credentials;

    Clock clock = Clock.systemUTC();

    private final Map<String, Cached> verified = new ConcurrentHashMap<>();
    private volatile TokenVerifier tokens;
    private volatile Principal anonymousPrincipal;

    private record Cached(Principal principal, long at) {
    }

    /** The outcome: a principal, or why the credentials are refused. */
    public record Outcome(Principal principal, String refusal) {
        public boolean ok() {
            return principal != null;
        }
    }

    public Principal anonymous() {
        Principal current = anonymousPrincipal;
        if (current == null) {
            List<Grant> grants = switch (anonymous.trim().toLowerCase(java.util.Locale.ROOT)) {
                case "none", "" -> List.of();
                case "read", "reader" -> List.of(new Grant(Role.READER, "*"));
                default -> throw new IllegalStateException(
                        "accord.auth.anonymous must be none or read, not '" + anonymous + "'");
            };
            current = Principal.anonymous(grants);
            anonymousPrincipal = current;
        }
        return current;
    }

    /** The principal of a header verified within the last minute, or null (then call {@link #authenticate}). */
    public Principal cached(String authorization) {
        if (authorization == null) {
            return anonymous();
        }
        Cached hit = verified.get(digest(authorization));
        if (hit == null || System.nanoTime() - hit.at > CACHE_NANOS) {
            return null;
        }
        return hit.principal;
    }

    /** Verifies a header against the database or the token key; blocking (hashing, a query). */
    public Outcome authenticate(String authorization) {
        if (authorization == null) {
            return new Outcome(anonymous(), null);
        }
        Outcome outcome = verify(authorization.trim());
        if (outcome.ok()) {
            if (verified.size() >= CACHE_LIMIT) {
                verified.clear();
            }
            verified.put(digest(authorization), new Cached(outcome.principal, System.nanoTime()));
        }
        return outcome;
    }

    /** Forgets every verified header: a key was revoked or a user removed, here or on another instance. */
    public void forgetVerified() {
        verified.clear();
    }

    private Outcome verify(String authorization) {
        int space = authorization.indexOf(' ');
        String scheme = space < 0 ? authorization : authorization.substring(0, space);
        String value = space < 0 ? "" : authorization.substring(space + 1).trim();
        if (scheme.equalsIgnoreCase("Basic")) {
            return basic(value);
        }
        if (scheme.equalsIgnoreCase("Bearer")) {
            TokenVerifier verifier = tokens();
            if (verifier == null) {
                return new Outcome(null, "bearer tokens are not configured on this registry");
            }
            TokenVerifier.Result result = verifier.verify(value, clock.instant());
            return new Outcome(result.principal().orElse(null), result.refusal());
        }
        return new Outcome(null, "unsupported Authorization scheme '" + scheme + "': use Basic or Bearer");
    }

    private Outcome basic(String value) {
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(value), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return new Outcome(null, "the Basic credentials are not base64");
        }
        int colon = decoded.indexOf(':');
        if (colon <= 0) {
            return new Outcome(null, "the Basic credentials must be KEY:SECRET or USER:PASSWORD");
        }
        String id = decoded.substring(0, colon);
        String secret = decoded.substring(colon + 1);
        Optional<Credential> found = credentials.live(id);
        // the same answer for an unknown id and a wrong secret, and a hash either way, so neither is told apart
        boolean matches = SecretHasher.verify(secret, found.map(Credential::secretHash).orElse(DUMMY_HASH));
        if (found.isEmpty() || !matches) {
            return new Outcome(null, "invalid credentials");
        }
        Credential credential = found.get();
        Instant now = clock.instant();
        if (credential.expiresAt() != null && !now.isBefore(credential.expiresAt())) {
            return new Outcome(null, "the API key '" + id + "' expired at " + credential.expiresAt());
        }
        Role role = Role.fromName(credential.role()).orElse(Role.READER);
        List<Grant> grants = new ArrayList<>();
        for (String pattern : credential.subjects()) {
            grants.add(new Grant(role, pattern));
        }
        Principal.Kind kind = Credentials.KEY.equals(credential.kind()) ? Principal.Kind.API_KEY : Principal.Kind.USER;
        credentials.touch(id, now);
        return new Outcome(new Principal(kind, id, grants, credential.expiresAt()), null);
    }

    private TokenVerifier tokens() {
        TokenVerifier current = tokens;
        if (current == null && jwtPublicKey.isPresent() && !jwtPublicKey.get().isBlank()) {
            current = new TokenVerifier(jwtPublicKey.get(), jwtIssuer.orElse(null), jwtGrantsClaim);
            tokens = current;
        }
        return current;
    }

    private static final String DUMMY_HASH = SecretHasher.hash("not a secret anyone holds");

    private static String digest(String authorization) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(authorization.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
