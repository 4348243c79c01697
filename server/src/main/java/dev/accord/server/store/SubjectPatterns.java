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
        return clause(column, patterns, parameters, true);
    }

    /** As {@link #clause}, in JPQL (no collation: the event log's subject column has no such index). */
    static String jpqlClause(String column, List<String> patterns, Map<String, Object> parameters) {
        return clause(column, patterns, parameters, false);
    }

    private static String clause(String column, List<String> patterns, Map<String, Object> parameters,
                                 boolean nativeSql) {
        if (patterns == null || patterns.contains("*")) {
            return null;
        }
        List<String> clauses = new ArrayList<>();
        for (int i = 0; i < patterns.size(); i++) {
            String pattern = patterns.get(i);
            if (pattern.endsWith("*")) {
                String prefix = pattern.substring(0, pattern.length() - 1);
                if (nativeSql) {
                    clauses.add(prefixCondition(column, "p" + i, prefix, parameters));
                } else {
                    clauses.add(column + " like :p" + i + " escape '!'");
                    parameters.put("p" + i, likePrefix(prefix));
                }
            } else {
                clauses.add(column + " = :p" + i);
                parameters.put("p" + i, pattern);
            }
        }
        return clauses.isEmpty() ? "false" : "(" + String.join(" or ", clauses) + ")";
    }

    /**
     * "column starts with prefix", written so that the {@code collate "C"} indexes of V6 serve it: under that
     * collation a LIKE prefix is an index range.
     */
    static String prefixCondition(String column, String parameter, String prefix, Map<String, Object> parameters) {
        parameters.put(parameter, likePrefix(prefix));
        return "(" + column + " collate \"C\") like :" + parameter + " escape '!'";
    }

    private static String likePrefix(String prefix) {
        return prefix.replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%";
    }
}
