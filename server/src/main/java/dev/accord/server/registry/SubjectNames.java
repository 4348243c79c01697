package dev.accord.server.registry;

/** What a subject name may be: 1 to 256 characters, none of them control characters. */
public final class SubjectNames {

    public static final int MAX_LENGTH = 256;

    private SubjectNames() {
    }

    public static String validate(String subject) {
        if (subject == null || subject.isEmpty()) {
            throw invalid("Subject name must not be empty");
        }
        if (subject.length() > MAX_LENGTH) {
            throw invalid("Subject name is " + subject.length() + " characters long; the limit is " + MAX_LENGTH);
        }
        for (int i = 0; i < subject.length(); i++) {
            if (Character.isISOControl(subject.charAt(i))) {
                throw invalid("Subject name contains a control character (U+"
                        + String.format("%04X", (int) subject.charAt(i)) + ") at position " + i);
            }
        }
        if (subject.isBlank()) {
            throw invalid("Subject name must not be blank");
        }
        return subject;
    }

    private static RegistryException invalid(String message) {
        return new RegistryException(ErrorCode.INVALID_SUBJECT, message);
    }
}
