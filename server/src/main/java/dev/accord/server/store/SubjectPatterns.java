package dev.accord.server.store;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A caller's readable subject patterns ({@code *}, {@code prefix*} or exact names) as an SQL condition. */
final class SubjectPatterns {

    private SubjectPatterns() {
    }

    /**
     * The condition on {@code column} that keeps the subjects these patterns cover, with its parameters added to
     * {@code parameters}; null when they cover everything (null patterns, or one of them is "*").
     */
    static String clause(String column, List<String> patterns, Map<String, Object> parameters) {
        if (patterns == null || patterns.contains("*")) {
            return null;
        }
        List<String> clauses = new ArrayList<>();
        for (int i = 0; i < patterns.size(); i++) {
            String pattern = patterns.get(i);
            if (pattern.endsWith("*")) {
                clauses.add(column + " like :p" + i + " escape '!'");
                parameters.put("p" + i, likePrefix(pattern.substring(0, pattern.length() - 1)));
            } else {
                clauses.add(column + " = :p" + i);
                parameters.put("p" + i, pattern);
            }
        }
        return clauses.isEmpty() ? "false" : "(" + String.join(" or ", clauses) + ")";
    }

    private static String likePrefix(String prefix) {
        return prefix.replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%";
    }
}
