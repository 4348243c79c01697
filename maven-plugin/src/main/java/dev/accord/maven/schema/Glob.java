package dev.accord.maven.schema;

import java.util.List;
import java.util.regex.Pattern;

/** Ant-style path patterns over '/'-separated relative paths: {@code **}, {@code *}, {@code ?}. */
public final class Glob {

    private final String pattern;
    private final Pattern regex;

    public Glob(String pattern) {
        this.pattern = pattern;
        this.regex = Pattern.compile(toRegex(pattern.replace('\\', '/')));
    }

    public boolean matches(String path) {
        return regex.matcher(path.replace('\\', '/')).matches();
    }

    public static boolean any(List<Glob> globs, String path) {
        for (Glob glob : globs) {
            if (glob.matches(path)) {
                return true;
            }
        }
        return false;
    }

    static String toRegex(String glob) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < glob.length(); i++) {
            char c = glob.charAt(i);
            if (c == '*') {
                boolean twice = i + 1 < glob.length() && glob.charAt(i + 1) == '*';
                if (twice) {
                    boolean slash = i + 2 < glob.length() && glob.charAt(i + 2) == '/';
                    out.append(slash ? "(?:.*/)?" : ".*");
                    i += slash ? 2 : 1;
                } else {
                    out.append("[^/]*");
                }
            } else if (c == '?') {
                out.append("[^/]");
            } else if ("\\.[]{}()+-^$|".indexOf(c) >= 0) {
                out.append('\\').append(c);
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    @Override
    public String toString() {
        return pattern;
    }
}
