package dev.accord.core.json;

import dev.accord.core.compat.CompatibilityPolicy;
import dev.accord.core.json.JsonSchemaRules.Kind;
import dev.accord.core.json.SchemaNode.Annotations;
import dev.accord.core.json.SchemaNode.Anything;
import dev.accord.core.json.SchemaNode.ArrayShape;
import dev.accord.core.json.SchemaNode.Combined;
import dev.accord.core.json.SchemaNode.Conditional;
import dev.accord.core.json.SchemaNode.ConstShape;
import dev.accord.core.json.SchemaNode.Criterion;
import dev.accord.core.json.SchemaNode.EnumShape;
import dev.accord.core.json.SchemaNode.NotShape;
import dev.accord.core.json.SchemaNode.Nothing;
import dev.accord.core.json.SchemaNode.NumberShape;
import dev.accord.core.json.SchemaNode.ObjectShape;
import dev.accord.core.json.SchemaNode.Reference;
import dev.accord.core.json.SchemaNode.StringShape;
import dev.accord.core.json.SchemaNode.Typed;
import dev.accord.core.schema.WorkBudget;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Compares an original schema with an update the way Confluent's JSON Schema check does: a structural walk
 * that reports each difference as a {@link Kind}; the update can read everything the original accepted when
 * every difference is compatible under the policy. The policy matters during the walk too: subschemas of
 * combined schemas are matched by whether they compare compatibly, and a property added to a partially open
 * model is covered when its schema compares compatibly with the pattern's.
 *
 * <p>Recursion through {@code $ref} ends when a pair of schemas is met again on the current path (the pair is
 * then assumed compatible, which is what a recursive type needs). Results of pairs are memoized, which keeps
 * the matching of combined schemas from repeating work.
 */
final class SchemaComparison {

    /** Deeper than any comparison of schemas nested at most {@code CanonicalJson.MAX_DEPTH} levels needs. */
    private static final int MAX_DEPTH = 1000;
    /** Enum values shown in a message; a huge enum is summarized. */
    private static final int SHOWN_VALUES = 10;

    /**
     * One difference, as seen comparing original to update.
     *
     * @param kind   what changed from original to update
     * @param mirror how the same change is named comparing update to original
     * @param name   the property, pattern or value set concerned, or null
     * @param detail extra facts (values added and removed, the reason a property is not covered), or null
     */
    record Difference(Kind kind, Kind mirror, String originalPath, String updatePath, String originalValue,
                      String updateValue, String name, String detail) {
    }

    private record Pair(SchemaNode original, SchemaNode update) {
    }

    /** Differences found so far; {@code cut} when recursion was stopped inside, so the list is not memoizable. */
    private static final class Found {
        final List<Difference> differences = new ArrayList<>();
        boolean cut;

        void addAll(Found other) {
            differences.addAll(other.differences);
            cut |= other.cut;
        }
    }

    private final CompatibilityPolicy policy;
    private final Map<Pair, List<Difference>> memo = new HashMap<>();
    private final Set<Pair> onPath = new HashSet<>();
    private int depth;

    SchemaComparison(CompatibilityPolicy policy) {
        this.policy = policy;
    }

    /** The differences from original to update, each reported once. */
    List<Difference> compare(SchemaNode original, SchemaNode update) {
        Found found = new Found();
        compare(found, original, update);
        return List.copyOf(new LinkedHashSet<>(found.differences));
    }

    boolean compatible(List<Difference> differences) {
        for (Difference difference : differences) {
            if (!difference.kind().compatible(policy)) {
                return false;
            }
        }
        return true;
    }

    private boolean compatible(Found found) {
        return compatible(found.differences);
    }

    private Found trial(SchemaNode original, SchemaNode update) {
        Found found = new Found();
        compare(found, original, update);
        return found;
    }

    private void compare(Found out, SchemaNode original, SchemaNode update) {
        WorkBudget.checkpoint();
        SchemaNode o = normalize(original);
        SchemaNode u = normalize(update);
        if (o.identity != null && o.identity.sameAs(u.identity)) {
            return; // the same self-contained JSON: nothing can differ
        }
        Pair pair = new Pair(o, u);
        if (onPath.contains(pair) || depth >= MAX_DEPTH) {
            out.cut = true;
            return;
        }
        List<Difference> known = memo.get(pair);
        if (known != null) {
            out.differences.addAll(known);
            return;
        }
        Found local = new Found();
        onPath.add(pair);
        depth++;
        try {
            compareNormalized(local, o, u);
        } finally {
            onPath.remove(pair);
            depth--;
        }
        if (!local.cut) {
            memo.put(pair, List.copyOf(local.differences));
        }
        out.addAll(local);
    }

    /** Follows {@code $ref}s and unwraps combinators with a single distinct subschema. */
    static SchemaNode normalize(SchemaNode node) {
        if (!(node instanceof Reference) && !(node instanceof Combined)) {
            return node;
        }
        Set<SchemaNode> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        SchemaNode current = node;
        while (seen.add(current)) {
            if (current instanceof Reference reference && reference.target != null) {
                current = reference.target;
            } else if (current instanceof Combined combined && !combined.synthetic()
                    && new HashSet<>(combined.subschemaKeys).size() == 1 && !combined.subschemas.isEmpty()) {
                current = combined.subschemas.get(0);
            } else {
                return current;
            }
        }
        return current;
    }

    private void compareNormalized(Found out, SchemaNode o, SchemaNode u) {
        if (o instanceof Anything || o instanceof Nothing || u instanceof Anything || u instanceof Nothing) {
            if (o.getClass() == u.getClass()) {
                annotations(out, o, u);
            } else if (u instanceof Anything || o instanceof Nothing) {
                add(out, Kind.TYPE_EXTENDED, Kind.TYPE_NARROWED, o.path, u.path, o.describe(), u.describe());
            } else {
                add(out, Kind.TYPE_NARROWED, Kind.TYPE_EXTENDED, o.path, u.path, o.describe(), u.describe());
            }
            return;
        }
        if (isSynthetic(o) || isSynthetic(u)) {
            annotations(out, o, u);
            compareKeywordGroups(out, o, u);
            return;
        }
        boolean originalCombined = o instanceof Combined;
        boolean updateCombined = u instanceof Combined;
        if (!originalCombined && updateCombined) {
            singleToCombined(out, o, (Combined) u);
            return;
        }
        if (originalCombined && !updateCombined) {
            combinedToSingle(out, (Combined) o, u);
            return;
        }
        if (o.getClass() != u.getClass()) {
            add(out, Kind.TYPE_CHANGED, Kind.TYPE_CHANGED, o.path, u.path, o.describe(), u.describe());
            return;
        }
        annotations(out, o, u);
        if (o instanceof StringShape string) {
            compareString(out, string, (StringShape) u);
        } else if (o instanceof NumberShape number) {
            compareNumber(out, number, (NumberShape) u);
        } else if (o instanceof ObjectShape object) {
            compareObject(out, object, (ObjectShape) u);
        } else if (o instanceof ArrayShape array) {
            compareArray(out, array, (ArrayShape) u);
        } else if (o instanceof EnumShape values) {
            compareEnum(out, values, (EnumShape) u);
        } else if (o instanceof ConstShape constant) {
            if (!constant.key.equals(((ConstShape) u).key)) {
                add(out, Kind.CONST_CHANGED, Kind.CONST_CHANGED, o.path + "/const", u.path + "/const",
                        JsonValues.brief(constant.value), JsonValues.brief(((ConstShape) u).value));
            }
        } else if (o instanceof NotShape not) {
            compareNot(out, not, (NotShape) u);
        } else if (o instanceof Combined combined) {
            compareCombined(out, combined, (Combined) u);
        } else if (o instanceof Conditional conditional) {
            compareConditional(out, conditional, (Conditional) u);
        }
    }

    private static boolean isSynthetic(SchemaNode node) {
        return node instanceof Combined combined && combined.synthetic();
    }

    // ---- annotations ----------------------------------------------------------------------------------------

    private static void annotations(Found out, SchemaNode o, SchemaNode u) {
        Annotations a = o.annotations;
        Annotations b = u.annotations;
        if (!Objects.equals(a.id(), b.id())) {
            add(out, Kind.ID_CHANGED, Kind.ID_CHANGED, o.path + "/$id", u.path + "/$id", a.id(), b.id());
        }
        if (!Objects.equals(a.title(), b.title())) {
            add(out, Kind.TITLE_CHANGED, Kind.TITLE_CHANGED, o.path + "/title", u.path + "/title",
                    quote(a.title()), quote(b.title()));
        }
        if (!Objects.equals(a.description(), b.description())) {
            add(out, Kind.DESCRIPTION_CHANGED, Kind.DESCRIPTION_CHANGED, o.path + "/description",
                    u.path + "/description", quote(a.description()), quote(b.description()));
        }
        String defaultBefore = a.defaultValue() == null ? null : JsonValues.key(a.defaultValue());
        String defaultAfter = b.defaultValue() == null ? null : JsonValues.key(b.defaultValue());
        if (!Objects.equals(defaultBefore, defaultAfter)) {
            add(out, Kind.DEFAULT_CHANGED, Kind.DEFAULT_CHANGED, o.path + "/default", u.path + "/default",
                    JsonValues.brief(a.defaultValue()), JsonValues.brief(b.defaultValue()));
        }
    }

    private static String quote(String text) {
        if (text == null) {
            return null;
        }
        String shown = text.length() > 80 ? text.substring(0, 77) + "..." : text;
        return "'" + shown + "'";
    }

    // ---- schemas made of several keyword groups --------------------------------------------------------------

    /**
     * Compares schemas of which at least one uses several keyword groups (say "type" and "enum"): each group
     * with its counterpart, a group only in the original as a constraint removed, a group only in the update as
     * a constraint added.
     */
    private void compareKeywordGroups(Found out, SchemaNode o, SchemaNode u) {
        List<SchemaNode> originalParts = parts(o);
        List<SchemaNode> updateParts = parts(u);
        List<SchemaNode> originalTypes = typeGroups(originalParts);
        List<SchemaNode> updateTypes = typeGroups(updateParts);
        if (originalTypes.size() == 1 && updateTypes.size() == 1) {
            compare(out, originalTypes.get(0), updateTypes.get(0));
        } else {
            pairGroups(out, o, u, byGroup(originalTypes), byGroup(updateTypes));
        }
        pairGroups(out, o, u, byGroup(otherGroups(originalParts)), byGroup(otherGroups(updateParts)));
    }

    private void pairGroups(Found out, SchemaNode o, SchemaNode u, Map<String, SchemaNode> before,
                            Map<String, SchemaNode> after) {
        for (String group : union(before.keySet(), after.keySet())) {
            SchemaNode a = before.get(group);
            SchemaNode b = after.get(group);
            if (a != null && b != null) {
                compare(out, a, b);
                continue;
            }
            Kind removed = switch (group) {
                case "enum" -> Kind.ENUM_REMOVED;
                case "const" -> Kind.CONST_REMOVED;
                case "not" -> Kind.NOT_REMOVED;
                case "if" -> Kind.CONDITION_REMOVED;
                case "allOf", "anyOf", "oneOf", "$ref" -> Kind.COMBINED_TYPE_REMOVED;
                default -> Kind.TYPE_EXTENDED; // a type group
            };
            Kind added = removed == Kind.TYPE_EXTENDED ? Kind.TYPE_NARROWED
                    : Kind.valueOf(removed.name().replace("_REMOVED", "_ADDED"));
            String originalPath = o.path + "/" + keywordOf(group);
            String updatePath = u.path + "/" + keywordOf(group);
            if (a != null) {
                add(out, removed, added, originalPath, updatePath, describeGroup(a), null);
            } else {
                add(out, added, removed, originalPath, updatePath, null, describeGroup(b));
            }
        }
    }

    private static String keywordOf(String group) {
        return group.startsWith("type") ? "type" : group;
    }

    private static String describeGroup(SchemaNode node) {
        if (node instanceof EnumShape values) {
            return shownValues(values);
        }
        if (node instanceof ConstShape constant) {
            return JsonValues.brief(constant.value);
        }
        return node.describe();
    }

    private static List<SchemaNode> parts(SchemaNode node) {
        return isSynthetic(node) ? ((Combined) node).subschemas : List.of(node);
    }

    private static boolean isTypeGroup(SchemaNode node) {
        return node instanceof Typed || (node instanceof Combined combined && combined.keyword.equals("type"));
    }

    private static List<SchemaNode> typeGroups(List<SchemaNode> parts) {
        return parts.stream().filter(SchemaComparison::isTypeGroup).toList();
    }

    private static List<SchemaNode> otherGroups(List<SchemaNode> parts) {
        return parts.stream().filter(part -> !isTypeGroup(part)).toList();
    }

    private static Map<String, SchemaNode> byGroup(List<SchemaNode> parts) {
        Map<String, SchemaNode> groups = new LinkedHashMap<>();
        for (SchemaNode part : parts) {
            String group;
            if (part instanceof Typed typed) {
                group = "type:" + (typed instanceof NumberShape ? "number" : typed.describe());
            } else if (part instanceof Combined combined) {
                group = combined.keyword;
            } else if (part instanceof Reference) {
                group = "$ref";
            } else {
                group = part.describe();
            }
            groups.putIfAbsent(group, part);
        }
        return groups;
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new LinkedHashSet<>(a);
        all.addAll(b);
        return all;
    }

    // ---- a single schema and a combined one ------------------------------------------------------------------

    private void singleToCombined(Found out, SchemaNode o, Combined u) {
        List<SchemaNode> branches = distinct(u);
        if (u.criterion != Criterion.ALL) {
            for (SchemaNode branch : branches) {
                Found trial = trial(o, branch);
                if (compatible(trial)) {
                    out.addAll(trial);
                    add(out, Kind.SUM_TYPE_EXTENDED, Kind.SUM_TYPE_NARROWED, o.path, u.path, o.describe(),
                            u.describe());
                    return;
                }
            }
            add(out, Kind.TYPE_CHANGED, Kind.TYPE_CHANGED, o.path, u.path, o.describe(), u.describe());
            return;
        }
        // a schema wrapped in allOf with more constraints: explain through the closest subschema
        Found closest = closest(o, branches, true);
        if (closest != null) {
            out.addAll(closest);
        }
        add(out, Kind.PRODUCT_TYPE_EXTENDED, Kind.PRODUCT_TYPE_NARROWED, o.path, u.path, o.describe(),
                u.describe());
    }

    private void combinedToSingle(Found out, Combined o, SchemaNode u) {
        for (SchemaNode branch : distinct(o)) {
            Found trial = trial(branch, u);
            if (compatible(trial)) {
                if (o.criterion == Criterion.ALL) {
                    out.addAll(trial);
                    add(out, Kind.PRODUCT_TYPE_NARROWED, Kind.PRODUCT_TYPE_EXTENDED, o.path, u.path, o.describe(),
                            u.describe());
                } else {
                    add(out, Kind.SUM_TYPE_NARROWED, Kind.SUM_TYPE_EXTENDED, o.path, u.path, o.describe(),
                            u.describe());
                }
                return;
            }
        }
        add(out, Kind.TYPE_CHANGED, Kind.TYPE_CHANGED, o.path, u.path, o.describe(), u.describe());
    }

    /** The comparison of {@code o} with the candidate of its own kind that differs least, or null. */
    private Found closest(SchemaNode o, List<SchemaNode> candidates, boolean originalFirst) {
        Found best = null;
        int bestScore = Integer.MAX_VALUE;
        for (SchemaNode candidate : candidates) {
            if (normalize(candidate).getClass() != o.getClass()) {
                continue;
            }
            Found trial = originalFirst ? trial(o, candidate) : trial(candidate, o);
            int score = (int) trial.differences.stream().filter(d -> !d.kind().compatible(policy)).count();
            if (score < bestScore) {
                best = trial;
                bestScore = score;
            }
        }
        return best;
    }

    private static List<SchemaNode> distinct(Combined combined) {
        List<SchemaNode> nodes = new ArrayList<>();
        Set<String> keys = new HashSet<>();
        for (int i = 0; i < combined.subschemas.size(); i++) {
            String key = i < combined.subschemaKeys.size() ? combined.subschemaKeys.get(i) : Integer.toString(i);
            if (keys.add(key)) {
                nodes.add(combined.subschemas.get(i));
            }
        }
        return nodes;
    }

    // ---- combined schemas ------------------------------------------------------------------------------------

    private void compareCombined(Found out, Combined o, Combined u) {
        if (o.criterion != u.criterion) {
            if (u.criterion == Criterion.ANY) {
                add(out, Kind.COMBINED_TYPE_EXTENDED, Kind.COMBINED_TYPE_CHANGED, o.path, u.path, o.describe(),
                        u.describe());
            } else {
                add(out, Kind.COMBINED_TYPE_CHANGED, o.criterion == Criterion.ANY ? Kind.COMBINED_TYPE_EXTENDED
                        : Kind.COMBINED_TYPE_CHANGED, o.path, u.path, o.describe(), u.describe());
                return;
            }
        }
        List<SchemaNode> before = distinct(o);
        List<SchemaNode> after = distinct(u);
        boolean product = o.criterion == Criterion.ALL;
        if (before.size() < after.size()) {
            add(out, product ? Kind.PRODUCT_TYPE_EXTENDED : Kind.SUM_TYPE_EXTENDED,
                    product ? Kind.PRODUCT_TYPE_NARROWED : Kind.SUM_TYPE_NARROWED, o.path, u.path,
                    before.size() + " subschemas", after.size() + " subschemas");
        } else if (before.size() > after.size()) {
            add(out, product ? Kind.PRODUCT_TYPE_NARROWED : Kind.SUM_TYPE_NARROWED,
                    product ? Kind.PRODUCT_TYPE_EXTENDED : Kind.SUM_TYPE_EXTENDED, o.path, u.path,
                    before.size() + " subschemas", after.size() + " subschemas");
        }
        Found[][] trials = new Found[before.size()][after.size()];
        boolean[][] compatible = new boolean[before.size()][after.size()];
        for (int i = 0; i < before.size(); i++) {
            for (int j = 0; j < after.size(); j++) {
                trials[i][j] = trial(before.get(i), after.get(j));
                compatible[i][j] = compatible(trials[i][j]);
            }
        }
        int[] matchOfUpdate = BipartiteMatching.maximum(compatible, before.size(), after.size());
        int matched = 0;
        boolean[] originalMatched = new boolean[before.size()];
        for (int j = 0; j < after.size(); j++) {
            if (matchOfUpdate[j] >= 0) {
                matched++;
                originalMatched[matchOfUpdate[j]] = true;
                out.addAll(trials[matchOfUpdate[j]][j]);
            }
        }
        if (matched < Math.min(before.size(), after.size())) {
            add(out, Kind.COMBINED_TYPE_SUBSCHEMAS_CHANGED, Kind.COMBINED_TYPE_SUBSCHEMAS_CHANGED, o.path, u.path,
                    o.describe(), u.describe());
            // explain each unmatched subschema through its closest counterpart of the same kind
            for (int i = 0; i < before.size(); i++) {
                if (!originalMatched[i]) {
                    Found closest = closest(normalize(before.get(i)), after, true);
                    if (closest != null) {
                        out.addAll(closest);
                    }
                }
            }
        }
    }

    private void compareNot(Found out, NotShape o, NotShape u) {
        Found inner = trial(o.negated, u.negated);
        out.cut |= inner.cut;
        if (inner.differences.isEmpty()) {
            return;
        }
        Kind kind = compatible(inner) ? Kind.NOT_TYPE_EXTENDED : Kind.NOT_TYPE_NARROWED;
        Kind mirror = kind == Kind.NOT_TYPE_EXTENDED ? Kind.NOT_TYPE_NARROWED : Kind.NOT_TYPE_EXTENDED;
        Difference first = inner.differences.get(0);
        out.differences.add(new Difference(kind, mirror, o.path + "/not", u.path + "/not", o.negated.describe(),
                u.negated.describe(), null, "inside not: " + first.kind().name() + " at " + first.updatePath()));
    }

    private void compareConditional(Found out, Conditional o, Conditional u) {
        if (!o.ifKey.equals(u.ifKey)) {
            add(out, Kind.CONDITION_CHANGED, Kind.CONDITION_CHANGED, o.path + "/if", u.path + "/if", null, null);
        }
        optional(out, o.thenSchema, u.thenSchema, o.path + "/then", u.path + "/then");
        optional(out, o.elseSchema, u.elseSchema, o.path + "/else", u.path + "/else");
    }

    /** A subschema that may be absent; absent means unconstrained, like {@code true}. */
    private void optional(Found out, SchemaNode o, SchemaNode u, String originalPath, String updatePath) {
        boolean originalFree = o == null || normalize(o) instanceof Anything;
        boolean updateFree = u == null || normalize(u) instanceof Anything;
        if (o != null && u != null) {
            compare(out, o, u);
        } else if (originalFree && !updateFree) {
            add(out, Kind.SCHEMA_ADDED, Kind.SCHEMA_REMOVED, originalPath, updatePath, null, u.describe());
        } else if (!originalFree && updateFree) {
            add(out, Kind.SCHEMA_REMOVED, Kind.SCHEMA_ADDED, originalPath, updatePath, o.describe(), null);
        }
    }

    // ---- strings, numbers, enums -----------------------------------------------------------------------------

    private static void compareString(Found out, StringShape o, StringShape u) {
        bound(out, "MAX_LENGTH", true, o.maxLength, u.maxLength, o.path + "/maxLength", u.path + "/maxLength");
        bound(out, "MIN_LENGTH", false, o.minLength, u.minLength, o.path + "/minLength", u.path + "/minLength");
        change(out, "PATTERN", o.pattern, u.pattern, o.path + "/pattern", u.path + "/pattern");
        change(out, "FORMAT", o.format, u.format, o.path + "/format", u.path + "/format");
    }

    private static void compareNumber(Found out, NumberShape o, NumberShape u) {
        bound(out, "MAXIMUM", true, o.maximum, u.maximum, o.path + "/maximum", u.path + "/maximum");
        bound(out, "MINIMUM", false, o.minimum, u.minimum, o.path + "/minimum", u.path + "/minimum");
        bound(out, "EXCLUSIVE_MAXIMUM", true, o.exclusiveMaximum, u.exclusiveMaximum, o.path + "/exclusiveMaximum",
                u.path + "/exclusiveMaximum");
        bound(out, "EXCLUSIVE_MINIMUM", false, o.exclusiveMinimum, u.exclusiveMinimum,
                o.path + "/exclusiveMinimum", u.path + "/exclusiveMinimum");
        multipleOf(out, o, u);
        if (o.integer && !u.integer) {
            add(out, Kind.TYPE_EXTENDED, Kind.TYPE_NARROWED, o.path + "/type", u.path + "/type", "integer", "number");
        } else if (!o.integer && u.integer) {
            add(out, Kind.TYPE_NARROWED, Kind.TYPE_EXTENDED, o.path + "/type", u.path + "/type", "number", "integer");
        }
    }

    private static void multipleOf(Found out, NumberShape o, NumberShape u) {
        BigDecimal a = o.multipleOf;
        BigDecimal b = u.multipleOf;
        String originalPath = o.path + "/multipleOf";
        String updatePath = u.path + "/multipleOf";
        if (a == null && b == null || a != null && b != null && a.compareTo(b) == 0) {
            return;
        }
        if (a == null) {
            add(out, Kind.MULTIPLE_OF_ADDED, Kind.MULTIPLE_OF_REMOVED, originalPath, updatePath, null, plain(b));
        } else if (b == null) {
            add(out, Kind.MULTIPLE_OF_REMOVED, Kind.MULTIPLE_OF_ADDED, originalPath, updatePath, plain(a), null);
        } else if (isMultiple(b, a)) {
            add(out, Kind.MULTIPLE_OF_EXPANDED, Kind.MULTIPLE_OF_REDUCED, originalPath, updatePath, plain(a),
                    plain(b));
        } else if (isMultiple(a, b)) {
            add(out, Kind.MULTIPLE_OF_REDUCED, Kind.MULTIPLE_OF_EXPANDED, originalPath, updatePath, plain(a),
                    plain(b));
        } else {
            add(out, Kind.MULTIPLE_OF_CHANGED, Kind.MULTIPLE_OF_CHANGED, originalPath, updatePath, plain(a),
                    plain(b));
        }
    }

    /** True when {@code value} is an integer multiple of {@code divisor} (both positive). */
    private static boolean isMultiple(BigDecimal value, BigDecimal divisor) {
        if (divisor.signum() == 0 || Math.abs((long) value.scale() - divisor.scale()) > 1000) {
            return false; // absurd scales: treat as unrelated rather than do unbounded arithmetic
        }
        return value.remainder(divisor).signum() == 0;
    }

    private static void bound(Found out, String family, boolean upper, BigDecimal a, BigDecimal b,
                              String originalPath, String updatePath) {
        if (a == null && b == null || a != null && b != null && a.compareTo(b) == 0) {
            return;
        }
        String suffix;
        String reverse;
        if (a == null) {
            suffix = "ADDED";
            reverse = "REMOVED";
        } else if (b == null) {
            suffix = "REMOVED";
            reverse = "ADDED";
        } else if (b.compareTo(a) > 0) {
            suffix = "INCREASED";
            reverse = "DECREASED";
        } else {
            suffix = "DECREASED";
            reverse = "INCREASED";
        }
        add(out, Kind.valueOf(family + "_" + suffix), Kind.valueOf(family + "_" + reverse), originalPath,
                updatePath, plain(a), plain(b));
    }

    private static void change(Found out, String family, String a, String b, String originalPath,
                               String updatePath) {
        if (Objects.equals(a, b)) {
            return;
        }
        String suffix = a == null ? "ADDED" : b == null ? "REMOVED" : "CHANGED";
        String reverse = a == null ? "REMOVED" : b == null ? "ADDED" : "CHANGED";
        add(out, Kind.valueOf(family + "_" + suffix), Kind.valueOf(family + "_" + reverse), originalPath,
                updatePath, quote(a), quote(b));
    }

    private static String plain(BigDecimal value) {
        return value == null ? null : value.toString();
    }

    private static void compareEnum(Found out, EnumShape o, EnumShape u) {
        if (o.keys.equals(u.keys)) {
            return;
        }
        boolean extended = u.keys.containsAll(o.keys);
        boolean narrowed = o.keys.containsAll(u.keys);
        Kind kind = extended ? Kind.ENUM_ARRAY_EXTENDED : narrowed ? Kind.ENUM_ARRAY_NARROWED
                : Kind.ENUM_ARRAY_CHANGED;
        Kind mirror = extended ? Kind.ENUM_ARRAY_NARROWED : narrowed ? Kind.ENUM_ARRAY_EXTENDED
                : Kind.ENUM_ARRAY_CHANGED;
        List<String> removed = o.keys.stream().filter(key -> !u.keys.contains(key)).limit(SHOWN_VALUES).toList();
        List<String> added = u.keys.stream().filter(key -> !o.keys.contains(key)).limit(SHOWN_VALUES).toList();
        String detail = (removed.isEmpty() ? "" : "removed " + removed) + (removed.isEmpty() || added.isEmpty()
                ? "" : ", ") + (added.isEmpty() ? "" : "added " + added);
        out.differences.add(new Difference(kind, mirror, o.path + "/enum", u.path + "/enum", shownValues(o),
                shownValues(u), null, detail));
    }

    private static String shownValues(EnumShape values) {
        if (values.values.size() <= SHOWN_VALUES) {
            return values.values.toString();
        }
        return values.values.subList(0, SHOWN_VALUES).toString().replaceFirst("]$", "")
                + ", ... (" + values.values.size() + " values)]";
    }

    // ---- objects ---------------------------------------------------------------------------------------------

    private void compareObject(Found out, ObjectShape o, ObjectShape u) {
        for (Map.Entry<String, SchemaNode> property : o.properties.entrySet()) {
            SchemaNode updated = u.properties.get(property.getKey());
            if (updated == null) {
                propertyRemoved(out, o, u, property.getKey(), property.getValue());
            } else {
                compare(out, property.getValue(), updated);
            }
        }
        for (Map.Entry<String, SchemaNode> property : u.properties.entrySet()) {
            if (!o.properties.containsKey(property.getKey())) {
                propertyAdded(out, o, u, property.getKey(), property.getValue());
            }
        }
        // as in Confluent, required counts for the properties both versions declare (an added or removed
        // property carries its own required-ness); names neither declares get kinds of their own
        for (String name : u.required) {
            if (!o.required.contains(name) && !declaredInOneOnly(o, u, name)) {
                Kind kind = undeclared(o, u, name) ? Kind.UNDECLARED_REQUIRED_ATTRIBUTE_ADDED
                        : u.hasDefault(name) ? Kind.REQUIRED_ATTRIBUTE_WITH_DEFAULT_ADDED : Kind.REQUIRED_ATTRIBUTE_ADDED;
                Kind mirror = undeclared(o, u, name) ? Kind.UNDECLARED_REQUIRED_ATTRIBUTE_REMOVED
                        : Kind.REQUIRED_ATTRIBUTE_REMOVED;
                named(out, kind, mirror, o.path + "/required", u.path + "/required", name);
            }
        }
        for (String name : o.required) {
            if (!u.required.contains(name) && !declaredInOneOnly(o, u, name)) {
                Kind kind = undeclared(o, u, name) ? Kind.UNDECLARED_REQUIRED_ATTRIBUTE_REMOVED
                        : Kind.REQUIRED_ATTRIBUTE_REMOVED;
                Kind mirror = undeclared(o, u, name) ? Kind.UNDECLARED_REQUIRED_ATTRIBUTE_ADDED
                        : o.hasDefault(name) ? Kind.REQUIRED_ATTRIBUTE_WITH_DEFAULT_ADDED : Kind.REQUIRED_ATTRIBUTE_ADDED;
                named(out, kind, mirror, o.path + "/required", u.path + "/required", name);
            }
        }
        for (String pattern : union(o.patternProperties.keySet(), u.patternProperties.keySet())) {
            // a pattern only one version has is compared with what the other allowed for undeclared names
            String originalPath = o.path + "/patternProperties/" + SchemaResources.escape(pattern);
            String updatePath = u.path + "/patternProperties/" + SchemaResources.escape(pattern);
            SchemaNode before = o.patternProperties.get(pattern);
            SchemaNode after = u.patternProperties.get(pattern);
            compare(out, before != null ? before : undeclared(o, originalPath),
                    after != null ? after : undeclared(u, updatePath));
        }
        openness(out, "ADDITIONAL_PROPERTIES", o.permitsAdditional, u.permitsAdditional, o.additionalSchema,
                u.additionalSchema, o.path + "/additionalProperties", u.path + "/additionalProperties");
        openness(out, "UNEVALUATED_PROPERTIES", o.permitsUnevaluated, u.permitsUnevaluated, o.unevaluatedSchema,
                u.unevaluatedSchema, o.path + "/unevaluatedProperties", u.path + "/unevaluatedProperties");
        optional(out, o.propertyNames, u.propertyNames, o.path + "/propertyNames", u.path + "/propertyNames");
        bound(out, "MAX_PROPERTIES", true, o.maxProperties, u.maxProperties, o.path + "/maxProperties",
                u.path + "/maxProperties");
        bound(out, "MIN_PROPERTIES", false, o.minProperties, u.minProperties, o.path + "/minProperties",
                u.path + "/minProperties");
        dependencies(out, o, u);
    }

    private static boolean undeclared(ObjectShape o, ObjectShape u, String name) {
        return !o.properties.containsKey(name) && !u.properties.containsKey(name);
    }

    private static boolean declaredInOneOnly(ObjectShape o, ObjectShape u, String name) {
        return o.properties.containsKey(name) != u.properties.containsKey(name);
    }

    private void propertyAdded(Found out, ObjectShape o, ObjectShape u, String name, SchemaNode schema) {
        String originalPath = o.path + "/properties/" + SchemaResources.escape(name);
        String updatePath = u.path + "/properties/" + SchemaResources.escape(name);
        if (o.isOpen()) {
            named(out, addedToOpenModel(u, name, schema), Kind.PROPERTY_REMOVED_FROM_OPEN_CONTENT_MODEL,
                    originalPath, updatePath, name);
            return;
        }
        SchemaNode cover = o.schemaForUndeclared(name);
        if (cover == null && normalize(schema) instanceof Nothing) {
            named(out, Kind.FALSE_PROPERTY_ADDED_TO_CLOSED_CONTENT_MODEL,
                    Kind.FALSE_PROPERTY_REMOVED_FROM_CLOSED_CONTENT_MODEL, originalPath, updatePath, name);
            return;
        }
        if (cover == null) {
            named(out, addedToUnopenModel(u, name), Kind.PROPERTY_REMOVED_FROM_CLOSED_CONTENT_MODEL, originalPath,
                    updatePath, name);
            return;
        }
        Found trial = trial(cover, schema);
        if (compatible(trial)) {
            out.addAll(trial);
            named(out, Kind.PROPERTY_ADDED_IS_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL,
                    Kind.PROPERTY_REMOVED_IS_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL, originalPath, updatePath, name);
        } else {
            out.cut |= trial.cut;
            out.differences.add(new Difference(Kind.PROPERTY_ADDED_NOT_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL,
                    Kind.PROPERTY_REMOVED_NOT_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL, originalPath, updatePath,
                    cover.describe(), schema.describe(), name, reason(trial)));
        }
    }

    private void propertyRemoved(Found out, ObjectShape o, ObjectShape u, String name, SchemaNode schema) {
        String originalPath = o.path + "/properties/" + SchemaResources.escape(name);
        String updatePath = u.path + "/properties/" + SchemaResources.escape(name);
        if (u.isOpen()) {
            named(out, Kind.PROPERTY_REMOVED_FROM_OPEN_CONTENT_MODEL, addedToOpenModel(o, name, schema),
                    originalPath, updatePath, name);
            return;
        }
        SchemaNode cover = u.schemaForUndeclared(name);
        if (cover == null && normalize(schema) instanceof Nothing) {
            named(out, Kind.FALSE_PROPERTY_REMOVED_FROM_CLOSED_CONTENT_MODEL,
                    Kind.FALSE_PROPERTY_ADDED_TO_CLOSED_CONTENT_MODEL, originalPath, updatePath, name);
            return;
        }
        if (cover == null) {
            named(out, Kind.PROPERTY_REMOVED_FROM_CLOSED_CONTENT_MODEL, addedToUnopenModel(o, name), originalPath,
                    updatePath, name);
            return;
        }
        Found trial = trial(schema, cover);
        if (compatible(trial)) {
            out.addAll(trial);
            named(out, Kind.PROPERTY_REMOVED_IS_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL,
                    Kind.PROPERTY_ADDED_IS_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL, originalPath, updatePath, name);
        } else {
            out.cut |= trial.cut;
            out.differences.add(new Difference(Kind.PROPERTY_REMOVED_NOT_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL,
                    Kind.PROPERTY_ADDED_NOT_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL, originalPath, updatePath,
                    schema.describe(), cover.describe(), name, reason(trial)));
        }
    }

    /** What an object allows for a property name no keyword declares, as a schema placed at {@code path}. */
    private static SchemaNode undeclared(ObjectShape object, String path) {
        if (object.additionalSchema != null) {
            return object.additionalSchema;
        }
        if (object.permitsAdditional && object.unevaluatedSchema != null) {
            return object.unevaluatedSchema;
        }
        return object.permitsAdditional && object.permitsUnevaluated ? new Anything(path, Annotations.NONE)
                : new Nothing(path, Annotations.NONE);
    }

    /** The kind of a property added to an open model, by whether it is required and has a default. */
    private static Kind addedToOpenModel(ObjectShape owner, String name, SchemaNode schema) {
        if (normalize(schema) instanceof Anything) {
            return Kind.PROPERTY_WITH_EMPTY_SCHEMA_ADDED_TO_OPEN_CONTENT_MODEL;
        }
        if (!owner.required.contains(name)) {
            return Kind.PROPERTY_ADDED_TO_OPEN_CONTENT_MODEL;
        }
        return owner.hasDefault(name) ? Kind.REQUIRED_PROPERTY_WITH_DEFAULT_ADDED_TO_OPEN_CONTENT_MODEL
                : Kind.REQUIRED_PROPERTY_ADDED_TO_OPEN_CONTENT_MODEL;
    }

    /** The kind of a property added to a closed (or not covering partially open) model. */
    private static Kind addedToUnopenModel(ObjectShape owner, String name) {
        if (!owner.required.contains(name)) {
            return Kind.OPTIONAL_PROPERTY_ADDED_TO_UNOPEN_CONTENT_MODEL;
        }
        return owner.hasDefault(name) ? Kind.REQUIRED_PROPERTY_WITH_DEFAULT_ADDED_TO_UNOPEN_CONTENT_MODEL
                : Kind.REQUIRED_PROPERTY_ADDED_TO_UNOPEN_CONTENT_MODEL;
    }

    /** The first incompatible difference of a failed trial, as a short reason. */
    private String reason(Found trial) {
        for (Difference difference : trial.differences) {
            if (!difference.kind().compatible(policy)) {
                return difference.kind().name() + " at " + difference.updatePath();
            }
        }
        return null;
    }

    /** additionalProperties / unevaluatedProperties / additionalItems: false, absent or true, or a schema. */
    private void openness(Found out, String family, boolean permittedBefore, boolean permittedAfter,
                          SchemaNode before, SchemaNode after, String originalPath, String updatePath) {
        if (permittedBefore != permittedAfter) {
            Kind kind = Kind.valueOf(family + (permittedBefore ? "_REMOVED" : "_ADDED"));
            Kind mirror = Kind.valueOf(family + (permittedBefore ? "_ADDED" : "_REMOVED"));
            add(out, kind, mirror, originalPath, updatePath, String.valueOf(permittedBefore),
                    String.valueOf(permittedAfter));
        } else if (before == null && after != null) {
            add(out, Kind.valueOf(family + "_NARROWED"), Kind.valueOf(family + "_EXTENDED"), originalPath,
                    updatePath, null, after.describe());
        } else if (before != null && after == null) {
            add(out, Kind.valueOf(family + "_EXTENDED"), Kind.valueOf(family + "_NARROWED"), originalPath,
                    updatePath, before.describe(), null);
        } else if (before != null) {
            compare(out, before, after);
        }
    }

    private void dependencies(Found out, ObjectShape o, ObjectShape u) {
        for (String name : union(o.dependentRequired.keySet(), u.dependentRequired.keySet())) {
            Set<String> before = o.dependentRequired.get(name);
            Set<String> after = u.dependentRequired.get(name);
            String originalPath = o.path + "/" + o.dependentRequiredKeyword + "/" + SchemaResources.escape(name);
            String updatePath = u.path + "/" + u.dependentRequiredKeyword + "/" + SchemaResources.escape(name);
            Kind kind;
            Kind mirror;
            if (before == null) {
                kind = Kind.DEPENDENCY_ARRAY_ADDED;
                mirror = Kind.DEPENDENCY_ARRAY_REMOVED;
            } else if (after == null) {
                kind = Kind.DEPENDENCY_ARRAY_REMOVED;
                mirror = Kind.DEPENDENCY_ARRAY_ADDED;
            } else if (before.equals(after)) {
                continue;
            } else if (after.containsAll(before)) {
                kind = Kind.DEPENDENCY_ARRAY_EXTENDED;
                mirror = Kind.DEPENDENCY_ARRAY_NARROWED;
            } else if (before.containsAll(after)) {
                kind = Kind.DEPENDENCY_ARRAY_NARROWED;
                mirror = Kind.DEPENDENCY_ARRAY_EXTENDED;
            } else {
                kind = Kind.DEPENDENCY_ARRAY_CHANGED;
                mirror = Kind.DEPENDENCY_ARRAY_CHANGED;
            }
            out.differences.add(new Difference(kind, mirror, originalPath, updatePath,
                    before == null ? null : before.toString(), after == null ? null : after.toString(), name, null));
        }
        for (String name : union(o.dependentSchemas.keySet(), u.dependentSchemas.keySet())) {
            SchemaNode before = o.dependentSchemas.get(name);
            SchemaNode after = u.dependentSchemas.get(name);
            String originalPath = o.path + "/" + o.dependentSchemasKeyword + "/" + SchemaResources.escape(name);
            String updatePath = u.path + "/" + u.dependentSchemasKeyword + "/" + SchemaResources.escape(name);
            if (before == null) {
                named(out, Kind.DEPENDENCY_SCHEMA_ADDED, Kind.DEPENDENCY_SCHEMA_REMOVED, originalPath, updatePath,
                        name);
            } else if (after == null) {
                named(out, Kind.DEPENDENCY_SCHEMA_REMOVED, Kind.DEPENDENCY_SCHEMA_ADDED, originalPath, updatePath,
                        name);
            } else {
                compare(out, before, after);
            }
        }
    }

    // ---- arrays ----------------------------------------------------------------------------------------------

    private void compareArray(Found out, ArrayShape o, ArrayShape u) {
        optional(out, o.allItems, u.allItems, o.path + "/items", u.path + "/items");
        List<SchemaNode> before = o.tupleItems == null ? List.of() : o.tupleItems;
        List<SchemaNode> after = u.tupleItems == null ? List.of() : u.tupleItems;
        for (int i = 0; i < Math.min(before.size(), after.size()); i++) {
            compare(out, before.get(i), after.get(i));
        }
        for (int i = before.size(); i < after.size(); i++) {
            itemAdded(out, o, u, i, after.get(i));
        }
        for (int i = after.size(); i < before.size(); i++) {
            itemRemoved(out, o, u, i, before.get(i));
        }
        openness(out, "ADDITIONAL_ITEMS", o.permitsAdditionalItems, u.permitsAdditionalItems,
                o.additionalItemsSchema, u.additionalItemsSchema, o.path + "/" + o.additionalItemsKeyword,
                u.path + "/" + u.additionalItemsKeyword);
        bound(out, "MAX_ITEMS", true, o.maxItems, u.maxItems, o.path + "/maxItems", u.path + "/maxItems");
        bound(out, "MIN_ITEMS", false, o.minItems, u.minItems, o.path + "/minItems", u.path + "/minItems");
        if (o.uniqueItems != u.uniqueItems) {
            add(out, o.uniqueItems ? Kind.UNIQUE_ITEMS_REMOVED : Kind.UNIQUE_ITEMS_ADDED,
                    o.uniqueItems ? Kind.UNIQUE_ITEMS_ADDED : Kind.UNIQUE_ITEMS_REMOVED, o.path + "/uniqueItems",
                    u.path + "/uniqueItems", String.valueOf(o.uniqueItems), String.valueOf(u.uniqueItems));
        }
        optional(out, o.contains, u.contains, o.path + "/contains", u.path + "/contains");
        bound(out, "MAX_CONTAINS", true, o.maxContains, u.maxContains, o.path + "/maxContains",
                u.path + "/maxContains");
        bound(out, "MIN_CONTAINS", false, o.minContains, u.minContains, o.path + "/minContains",
                u.path + "/minContains");
        optional(out, o.unevaluatedItems, u.unevaluatedItems, o.path + "/unevaluatedItems",
                u.path + "/unevaluatedItems");
    }

    private void itemAdded(Found out, ArrayShape o, ArrayShape u, int index, SchemaNode item) {
        String originalPath = o.path + "/" + o.tupleKeyword + "/" + index;
        String updatePath = u.path + "/" + u.tupleKeyword + "/" + index;
        String name = Integer.toString(index);
        if (o.isOpen()) {
            named(out, normalize(item) instanceof Anything ? Kind.ITEM_WITH_EMPTY_SCHEMA_ADDED_TO_OPEN_CONTENT_MODEL
                    : Kind.ITEM_ADDED_TO_OPEN_CONTENT_MODEL, Kind.ITEM_REMOVED_FROM_OPEN_CONTENT_MODEL, originalPath,
                    updatePath, name);
        } else if (o.additionalItemsSchema == null && normalize(item) instanceof Nothing) {
            named(out, Kind.FALSE_ITEM_ADDED_TO_CLOSED_CONTENT_MODEL, Kind.FALSE_ITEM_REMOVED_FROM_CLOSED_CONTENT_MODEL,
                    originalPath, updatePath, name);
        } else if (o.additionalItemsSchema == null) {
            named(out, Kind.ITEM_ADDED_TO_CLOSED_CONTENT_MODEL, Kind.ITEM_REMOVED_FROM_CLOSED_CONTENT_MODEL,
                    originalPath, updatePath, name);
        } else {
            Found trial = trial(o.additionalItemsSchema, item);
            boolean covered = compatible(trial);
            if (covered) {
                out.addAll(trial);
            } else {
                out.cut |= trial.cut;
            }
            out.differences.add(new Difference(covered ? Kind.ITEM_ADDED_IS_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL
                    : Kind.ITEM_ADDED_NOT_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL, covered
                    ? Kind.ITEM_REMOVED_IS_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL
                    : Kind.ITEM_REMOVED_NOT_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL, originalPath, updatePath,
                    null, item.describe(), name, covered ? null : reason(trial)));
        }
    }

    private void itemRemoved(Found out, ArrayShape o, ArrayShape u, int index, SchemaNode item) {
        String originalPath = o.path + "/" + o.tupleKeyword + "/" + index;
        String updatePath = u.path + "/" + u.tupleKeyword + "/" + index;
        String name = Integer.toString(index);
        if (u.isOpen()) {
            named(out, Kind.ITEM_REMOVED_FROM_OPEN_CONTENT_MODEL, normalize(item) instanceof Anything
                    ? Kind.ITEM_WITH_EMPTY_SCHEMA_ADDED_TO_OPEN_CONTENT_MODEL : Kind.ITEM_ADDED_TO_OPEN_CONTENT_MODEL,
                    originalPath, updatePath, name);
        } else if (u.additionalItemsSchema == null && normalize(item) instanceof Nothing) {
            named(out, Kind.FALSE_ITEM_REMOVED_FROM_CLOSED_CONTENT_MODEL, Kind.FALSE_ITEM_ADDED_TO_CLOSED_CONTENT_MODEL,
                    originalPath, updatePath, name);
        } else if (u.additionalItemsSchema == null) {
            named(out, Kind.ITEM_REMOVED_FROM_CLOSED_CONTENT_MODEL, Kind.ITEM_ADDED_TO_CLOSED_CONTENT_MODEL,
                    originalPath, updatePath, name);
        } else {
            Found trial = trial(item, u.additionalItemsSchema);
            boolean covered = compatible(trial);
            if (covered) {
                out.addAll(trial);
            } else {
                out.cut |= trial.cut;
            }
            out.differences.add(new Difference(covered
                    ? Kind.ITEM_REMOVED_IS_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL
                    : Kind.ITEM_REMOVED_NOT_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL, covered
                    ? Kind.ITEM_ADDED_IS_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL
                    : Kind.ITEM_ADDED_NOT_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL, originalPath, updatePath,
                    item.describe(), null, name, covered ? null : reason(trial)));
        }
    }

    // ---- recording -------------------------------------------------------------------------------------------

    private static void add(Found out, Kind kind, Kind mirror, String originalPath, String updatePath,
                            String originalValue, String updateValue) {
        out.differences.add(new Difference(kind, mirror, originalPath, updatePath, originalValue, updateValue, null,
                null));
    }

    private static void named(Found out, Kind kind, Kind mirror, String originalPath, String updatePath,
                              String name) {
        out.differences.add(new Difference(kind, mirror, originalPath, updatePath, null, null, name, null));
    }
}
