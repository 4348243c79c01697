package dev.accord.server.auth;

/**
 * A role on a subject pattern: {@code *} (every subject and the global settings), a prefix ending in {@code *}
 * ({@code orders.*} covers {@code orders.created-value}), or one exact subject name.
 */
public record Grant(Role role, String pattern) {

    public Grant {
        if (role == null || pattern == null || pattern.isBlank()) {
            throw new IllegalArgumentException("a grant needs a role and a subject pattern");
        }
        pattern = pattern.trim();
    }

    public boolean coversEverything() {
        return pattern.equals("*");
    }

    public boolean matches(String subject) {
        if (coversEverything()) {
            return true;
        }
        if (subject == null) {
            return false;
        }
        if (pattern.endsWith("*")) {
            return subject.startsWith(pattern.substring(0, pattern.length() - 1));
        }
        return subject.equals(pattern);
    }

    /** "writer:orders.*", the form grants take in tokens' claims. */
    public static Grant parse(String text) {
        int colon = text.indexOf(':');
        String roleName = colon < 0 ? text : text.substring(0, colon);
        String pattern = colon < 0 ? "*" : text.substring(colon + 1);
        Role role = Role.fromName(roleName).orElseThrow(() -> new IllegalArgumentException(
                "unknown role '" + roleName + "': use reader, writer or admin"));
        return new Grant(role, pattern);
    }
}
