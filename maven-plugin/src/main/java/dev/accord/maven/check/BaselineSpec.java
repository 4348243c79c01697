package dev.accord.maven.check;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One baseline to compare with: {@code registry}, {@code git:<ref>}, {@code artifact:<groupId:artifactId:version>}
 * or {@code artifact:previous}, {@code directory:<path>}.
 */
public record BaselineSpec(Kind kind, String argument) {

    public enum Kind { REGISTRY, GIT, ARTIFACT, DIRECTORY }

    public static final String FORMS = "registry, git:<branch|tag|commit>, artifact:<groupId:artifactId:version>,"
            + " artifact:previous or directory:<path>";

    public static BaselineSpec parse(String text) {
        String t = text.trim();
        String lower = t.toLowerCase(Locale.ROOT);
        if (lower.equals("registry")) {
            return new BaselineSpec(Kind.REGISTRY, null);
        }
        int colon = t.indexOf(':');
        if (colon > 0 && colon < t.length() - 1) {
            String argument = t.substring(colon + 1).trim();
            switch (lower.substring(0, colon)) {
                case "git":
                    return new BaselineSpec(Kind.GIT, argument);
                case "artifact":
                    return new BaselineSpec(Kind.ARTIFACT, argument);
                case "directory":
                case "dir":
                    return new BaselineSpec(Kind.DIRECTORY, argument);
                default:
                    break;
            }
        }
        throw new IllegalArgumentException("Unknown baseline '" + t + "': use " + FORMS);
    }

    /** Parses a comma-separated list; blanks are skipped. */
    public static List<BaselineSpec> parseList(String text) {
        List<BaselineSpec> specs = new ArrayList<>();
        if (text == null) {
            return specs;
        }
        for (String part : text.split(",")) {
            if (!part.isBlank()) {
                specs.add(parse(part));
            }
        }
        return specs;
    }

    public boolean offline() {
        return kind != Kind.REGISTRY;
    }

    @Override
    public String toString() {
        return kind == Kind.REGISTRY ? "registry" : kind.name().toLowerCase(Locale.ROOT) + ":" + argument;
    }
}
