package dev.accord.server.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * Bearer tokens from the organisation's identity provider: compact JWS signed RS256 with the configured public key,
 * from the configured issuer, not expired. The token's subject is the actor; its grants come from a claim holding
 * "role:pattern" strings (or bare roles, meaning every subject). Only RS256 is accepted, so a token cannot choose a
 * weaker algorithm.
 */
public final class TokenVerifier {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long CLOCK_SKEW_SECONDS = 60;

    private final PublicKey key;
    private final String issuer;
    private final String grantsClaim;

    public TokenVerifier(String publicKeyPem, String issuer, String grantsClaim) {
        this.key = parseKey(publicKeyPem);
        this.issuer = issuer;
        this.grantsClaim = grantsClaim;
    }

    /** The token's principal, or a reason it is refused (never echoing the token). */
    public Result verify(String token, Instant now) {
        String[] parts = token.split("\\.");
        if (parts.length != 3) {
            return Result.refused("the bearer token is not a signed JWT");
        }
        try {
            JsonNode header = JSON.readTree(Base64.getUrlDecoder().decode(parts[0]));
            if (!"RS256".equals(header.path("alg").asText())) {
                return Result.refused("the bearer token must be signed with RS256");
            }
            Signature signature = Signature.getInstance("SHA256withRSA");
            signature.initVerify(key);
            signature.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
            if (!signature.verify(Base64.getUrlDecoder().decode(parts[2]))) {
                return Result.refused("the bearer token's signature does not verify");
            }
            JsonNode claims = JSON.readTree(Base64.getUrlDecoder().decode(parts[1]));
            if (issuer != null && !issuer.equals(claims.path("iss").asText(null))) {
                return Result.refused("the bearer token is not from the configured issuer");
            }
            long seconds = now.getEpochSecond();
            if (!claims.path("exp").isNumber() || claims.path("exp").asLong() + CLOCK_SKEW_SECONDS <= seconds) {
                return Result.refused("the bearer token has expired");
            }
            if (claims.path("nbf").isNumber() && claims.path("nbf").asLong() - CLOCK_SKEW_SECONDS > seconds) {
                return Result.refused("the bearer token is not valid yet");
            }
            String subject = claims.path("sub").asText(null);
            if (subject == null || subject.isBlank()) {
                return Result.refused("the bearer token has no subject");
            }
            List<Grant> grants = new ArrayList<>();
            JsonNode claim = claims.path(grantsClaim);
            for (JsonNode value : claim.isArray() ? claim : List.of(claim)) {
                if (value.isTextual()) {
                    try {
                        grants.add(Grant.parse(value.asText()));
                    } catch (IllegalArgumentException e) {
                        return Result.refused("the bearer token's " + grantsClaim + " claim: " + e.getMessage());
                    }
                }
            }
            return new Result(Optional.of(new Principal(Principal.Kind.TOKEN, subject, grants,
                    Instant.ofEpochSecond(claims.path("exp").asLong()))), null);
        } catch (IllegalArgumentException | java.io.IOException | GeneralSecurityException e) {
            return Result.refused("the bearer token cannot be read");
        }
    }

    private static PublicKey parseKey(String pem) {
        String base64 = pem.replaceAll("-----(BEGIN|END) PUBLIC KEY-----", "").replaceAll("\\s", "");
        try {
            return KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(base64)));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("accord.auth.jwt.public-key is not an RSA public key in PEM form", e);
        }
    }

    public record Result(Optional<Principal> principal, String refusal) {
        static Result refused(String why) {
            return new Result(Optional.empty(), why);
        }
    }
}
