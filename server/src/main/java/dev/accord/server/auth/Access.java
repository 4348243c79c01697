package dev.accord.server.auth;

/**
 * What a request needs: nothing (public), a role on its subject, a role on the global settings (a {@code *}
 * grant), a role on any subject (lists and id lookups, whose answers are then filtered to what the caller may
 * read), or only to be a known caller.
 */
public record Access(Scope scope, Role role, String subject, String action) {

    public enum Scope { PUBLIC, SUBJECT, GLOBAL, ANYWHERE }

    public static Access open(String action) {
        return new Access(Scope.PUBLIC, null, null, action);
    }

    public static Access subject(Role role, String subject, String action) {
        return new Access(Scope.SUBJECT, role, subject, action);
    }

    public static Access global(Role role, String action) {
        return new Access(Scope.GLOBAL, role, null, action);
    }

    public static Access anywhere(Role role, String action) {
        return new Access(Scope.ANYWHERE, role, null, action);
    }

    public boolean allows(Principal principal) {
        return switch (scope) {
            case PUBLIC -> true;
            case SUBJECT -> principal.may(role, subject);
            case GLOBAL -> principal.may(role, null);
            case ANYWHERE -> principal.mayAnywhere(role);
        };
    }

    /** What the 403 says is missing; names the permission, never a credential. */
    public String missing(Principal principal) {
        String who = principal.authenticated() ? principal.actor() : "An anonymous caller";
        String needs = switch (scope) {
            case PUBLIC -> "nothing";
            case SUBJECT -> "the " + role.wireName() + " role on subject '" + subject + "'";
            case GLOBAL -> "the " + role.wireName() + " role on every subject (a '*' grant)";
            case ANYWHERE -> "the " + role.wireName() + " role on some subject";
        };
        return who + " may not " + action + ": this needs " + needs;
    }
}
