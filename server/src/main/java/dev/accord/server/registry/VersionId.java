package dev.accord.server.registry;

/** A version in a path: 1 to 2^31-1, or "latest" / -1 for the latest version. */
public record VersionId(int number) {

    public static final VersionId LATEST = new VersionId(-1);

    public boolean latest() {
        return number == -1;
    }

    public static VersionId parse(String text) {
        if (text == null) {
            throw invalid(null);
        }
        String trimmed = text.trim();
        if (trimmed.equalsIgnoreCase("latest") || trimmed.equals("-1")) {
            return LATEST;
        }
        try {
            int n = Integer.parseInt(trimmed);
            if (n < 1) {
                throw invalid(text);
            }
            return new VersionId(n);
        } catch (NumberFormatException e) {
            throw invalid(text);
        }
    }

    private static RegistryException invalid(String text) {
        return new RegistryException(ErrorCode.INVALID_VERSION, "The specified version '" + text
                + "' is not a valid version id. Allowed values are between [1, 2^31-1] and the string \"latest\"");
    }

    @Override
    public String toString() {
        return latest() ? "latest" : Integer.toString(number);
    }
}
