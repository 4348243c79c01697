package dev.accord.server.registry;

/**
 * Confluent's qualified subject names: {@code :.ctx:name} is {@code name} in context {@code .ctx}; a name without
 * that prefix (or with {@code :.:}) is in the default context {@code .}. {@code :.ctx:} alone names the context
 * itself (its config and mode).
 */
public final class QualifiedSubjects {

    public static final String DEFAULT_CONTEXT = ".";
    /** The context Confluent uses to address the global config and mode. */
    public static final String GLOBAL_CONTEXT = ".__GLOBAL";
    public static final String ALL_CONTEXTS = ":*:";

    private QualifiedSubjects() {
    }

    /** The context of a subject name. */
    public static String context(String subject) {
        int end = qualifierEnd(subject);
        return end < 0 ? DEFAULT_CONTEXT : subject.substring(1, end);
    }

    /** The name within its context. */
    public static String local(String subject) {
        int end = qualifierEnd(subject);
        return end < 0 ? subject : subject.substring(end + 1);
    }

    /** The subject {@code local} in {@code context}, unqualified in the default context. */
    public static String qualify(String context, String local) {
        return DEFAULT_CONTEXT.equals(context) ? local : ":" + context + ":" + local;
    }

    /** The name that addresses a context's own settings ({@code :.ctx:}); the empty name for the default one. */
    public static String contextSubject(String context) {
        return DEFAULT_CONTEXT.equals(context) ? "" : ":" + context + ":";
    }

    /** True for {@code :.ctx:} with nothing after it. */
    public static boolean namesContext(String subject) {
        int end = qualifierEnd(subject);
        return end > 0 && end == subject.length() - 1;
    }

    /** The name stored for a subject: {@code :.:name} is stored as {@code name}. */
    public static String canonical(String subject) {
        return subject != null && subject.startsWith(":.:") ? subject.substring(3) : subject;
    }

    /**
     * A reference's subject as seen from the schema that holds it: an unqualified name is in the referring
     * schema's context, as in Confluent.
     */
    public static String relativeTo(String referringContext, String referencedSubject) {
        if (referencedSubject == null || qualifierEnd(referencedSubject) >= 0) {
            return canonical(referencedSubject);
        }
        return qualify(referringContext, referencedSubject);
    }

    /** True when the name is a well-formed context name: starts with '.', no ':' and no control characters. */
    public static boolean isContextName(String context) {
        if (context == null || context.isEmpty() || context.charAt(0) != '.' || context.length() > 128) {
            return false;
        }
        for (int i = 0; i < context.length(); i++) {
            char c = context.charAt(i);
            if (c == ':' || Character.isISOControl(c)) {
                return false;
            }
        }
        return true;
    }

    /** The index of the colon closing {@code :.ctx}, or -1 when the name is not qualified. */
    private static int qualifierEnd(String subject) {
        if (subject == null || subject.length() < 3 || subject.charAt(0) != ':' || subject.charAt(1) != '.') {
            return -1;
        }
        return subject.indexOf(':', 1);
    }
}
