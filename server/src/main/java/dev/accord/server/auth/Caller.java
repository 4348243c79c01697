package dev.accord.server.auth;

/** The request context every use case and the event log receive: who calls, and from where. */
public record Caller(Principal principal, String remoteAddress) {

    /** Work the server does on its own (start-up, bootstrap), not on a request. */
    public static final Caller SYSTEM = new Caller(new Principal(Principal.Kind.OPEN, "system",
            java.util.List.of(new Grant(Role.ADMIN, "*")), null), null);

    public String actor() {
        return this == SYSTEM ? "system" : principal.actor();
    }

    public boolean mayRead(String subject) {
        return principal.may(Role.READER, subject);
    }
}
