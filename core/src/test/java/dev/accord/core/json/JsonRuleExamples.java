package dev.accord.core.json;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One small example per JSON rule: an old and a new schema whose comparison reports the rule, and the
 * directions the change breaks under each policy. The tests run every example; the rules page shows them.
 */
public final class JsonRuleExamples {

    /**
     * An example of a rule.
     *
     * @param oldSchema     the first version (single quotes for double quotes)
     * @param newSchema     the second version
     * @param strictBreaks  the directions the rule's change breaks under STRICT: "", "B", "F" or "BF"
     * @param lenientBreaks the same under LENIENT
     */
    public record Example(String oldSchema, String newSchema, String strictBreaks, String lenientBreaks) {
    }

    private static final Map<String, Example> EXAMPLES = new LinkedHashMap<>();

    private static final String S = "{'type':'string'}";
    private static final String I = "{'type':'integer'}";
    private static final String OBJ = "{'type':'object','properties':{'a':{'type':'string'}}}";
    private static final String OBJ_B = "{'type':'object','properties':{'a':{'type':'string'},'b':{'type':'string'}}}";
    private static final String CLOSED = "{'type':'object','properties':{'a':{'type':'string'}},"
            + "'additionalProperties':false}";
    private static final String CLOSED_B = "{'type':'object','properties':{'a':{'type':'string'},"
            + "'b':{'type':'string'}},'additionalProperties':false}";
    private static final String PARTIAL = "{'type':'object','properties':{'a':{'type':'string'}},"
            + "'patternProperties':{'^s_':{'type':'string'}},'additionalProperties':false}";
    private static final String TUPLE = "{'type':'array','items':[{'type':'string'}]}";
    private static final String TUPLE_2 = "{'type':'array','items':[{'type':'string'},{'type':'integer'}]}";
    private static final String D2020 = "'$schema':'https://json-schema.org/draft/2020-12/schema',";

    static {
        add("ID_CHANGED", "{'$id':'https://example.com/a.json','type':'string'}",
                "{'$id':'https://example.com/b.json','type':'string'}", "");
        add("TITLE_CHANGED", "{'type':'string','title':'Name'}", "{'type':'string','title':'Full name'}", "");
        add("DESCRIPTION_CHANGED", "{'type':'string','description':'a name'}",
                "{'type':'string','description':'the full name'}", "");
        add("DEFAULT_CHANGED", "{'type':'string','default':'a'}", "{'type':'string','default':'b'}", "");
        add("SCHEMA_ADDED", "{'type':'array'}", "{'type':'array','items':{'type':'string'}}", "B");
        add("SCHEMA_REMOVED", "{'type':'array','items':{'type':'string'}}", "{'type':'array'}", "F");
        add("TYPE_EXTENDED", I, "{'type':'number'}", "F");
        add("TYPE_NARROWED", "{'type':'number'}", I, "B");
        add("TYPE_CHANGED", S, I, "BF");

        bounds("MAX_LENGTH", "{'type':'string'", "maxLength", true);
        bounds("MIN_LENGTH", "{'type':'string'", "minLength", false);
        add("PATTERN_ADDED", S, "{'type':'string','pattern':'^[a-z]+$'}", "B");
        add("PATTERN_REMOVED", "{'type':'string','pattern':'^[a-z]+$'}", S, "F");
        add("PATTERN_CHANGED", "{'type':'string','pattern':'^[a-z]+$'}", "{'type':'string','pattern':'^[a-c]+$'}",
                "BF");
        add("FORMAT_ADDED", S, "{'type':'string','format':'email'}", "");
        add("FORMAT_REMOVED", "{'type':'string','format':'email'}", S, "");
        add("FORMAT_CHANGED", "{'type':'string','format':'email'}", "{'type':'string','format':'uri'}", "");

        bounds("MAXIMUM", "{'type':'number'", "maximum", true);
        bounds("MINIMUM", "{'type':'number'", "minimum", false);
        bounds("EXCLUSIVE_MAXIMUM", "{'type':'number'", "exclusiveMaximum", true);
        bounds("EXCLUSIVE_MINIMUM", "{'type':'number'", "exclusiveMinimum", false);
        add("MULTIPLE_OF_ADDED", "{'type':'number'}", "{'type':'number','multipleOf':5}", "B");
        add("MULTIPLE_OF_REMOVED", "{'type':'number','multipleOf':5}", "{'type':'number'}", "F");
        add("MULTIPLE_OF_EXPANDED", "{'type':'number','multipleOf':5}", "{'type':'number','multipleOf':10}", "B");
        add("MULTIPLE_OF_REDUCED", "{'type':'number','multipleOf':10}", "{'type':'number','multipleOf':5}", "F");
        add("MULTIPLE_OF_CHANGED", "{'type':'number','multipleOf':5}", "{'type':'number','multipleOf':7}", "BF");

        add("ENUM_ARRAY_EXTENDED", "{'enum':['red','green']}", "{'enum':['red','green','blue']}", "F");
        add("ENUM_ARRAY_NARROWED", "{'enum':['red','green','blue']}", "{'enum':['red','green']}", "B");
        add("ENUM_ARRAY_CHANGED", "{'enum':['red','green']}", "{'enum':['red','blue']}", "BF");
        add("ENUM_ADDED", S, "{'type':'string','enum':['red','green']}", "B");
        add("ENUM_REMOVED", "{'type':'string','enum':['red','green']}", S, "F");
        add("CONST_ADDED", S, "{'type':'string','const':'red'}", "B");
        add("CONST_REMOVED", "{'type':'string','const':'red'}", S, "F");
        add("CONST_CHANGED", "{'const':'red'}", "{'const':'blue'}", "BF");

        add("REQUIRED_ATTRIBUTE_ADDED", OBJ, "{'type':'object','properties':{'a':{'type':'string'}},"
                + "'required':['a']}", "B");
        add("REQUIRED_ATTRIBUTE_WITH_DEFAULT_ADDED", "{'type':'object','properties':{'a':{'type':'string',"
                + "'default':'x'}}}", "{'type':'object','properties':{'a':{'type':'string','default':'x'}},"
                + "'required':['a']}", "");
        add("REQUIRED_ATTRIBUTE_REMOVED", "{'type':'object','properties':{'a':{'type':'string'}},"
                + "'required':['a']}", OBJ, "F");
        add("UNDECLARED_REQUIRED_ATTRIBUTE_ADDED", "{'type':'object'}", "{'type':'object','required':['a']}", "");
        add("UNDECLARED_REQUIRED_ATTRIBUTE_REMOVED", "{'type':'object','required':['a']}", "{'type':'object'}", "");
        bounds("MAX_PROPERTIES", "{'type':'object'", "maxProperties", true);
        bounds("MIN_PROPERTIES", "{'type':'object'", "minProperties", false);
        add("ADDITIONAL_PROPERTIES_ADDED", CLOSED, OBJ, "F", "");
        add("ADDITIONAL_PROPERTIES_REMOVED", OBJ, CLOSED, "B", "");
        add("ADDITIONAL_PROPERTIES_EXTENDED", "{'type':'object','additionalProperties':{'type':'string'}}",
                "{'type':'object'}", "F", "");
        add("ADDITIONAL_PROPERTIES_NARROWED", "{'type':'object'}",
                "{'type':'object','additionalProperties':{'type':'string'}}", "B", "");
        add("UNEVALUATED_PROPERTIES_ADDED", "{" + D2020 + "'type':'object','unevaluatedProperties':false}",
                "{" + D2020 + "'type':'object'}", "F", "");
        add("UNEVALUATED_PROPERTIES_REMOVED", "{" + D2020 + "'type':'object'}",
                "{" + D2020 + "'type':'object','unevaluatedProperties':false}", "B", "");
        add("UNEVALUATED_PROPERTIES_EXTENDED", "{" + D2020 + "'type':'object','unevaluatedProperties':"
                + "{'type':'string'}}", "{" + D2020 + "'type':'object'}", "F", "");
        add("UNEVALUATED_PROPERTIES_NARROWED", "{" + D2020 + "'type':'object'}", "{" + D2020 + "'type':'object',"
                + "'unevaluatedProperties':{'type':'string'}}", "B", "");
        add("DEPENDENCY_ARRAY_ADDED", "{'type':'object'}", "{'type':'object','dependencies':{'a':['b']}}", "B");
        add("DEPENDENCY_ARRAY_REMOVED", "{'type':'object','dependencies':{'a':['b']}}", "{'type':'object'}", "F");
        add("DEPENDENCY_ARRAY_EXTENDED", "{'type':'object','dependencies':{'a':['b']}}",
                "{'type':'object','dependencies':{'a':['b','c']}}", "B");
        add("DEPENDENCY_ARRAY_NARROWED", "{'type':'object','dependencies':{'a':['b','c']}}",
                "{'type':'object','dependencies':{'a':['b']}}", "F");
        add("DEPENDENCY_ARRAY_CHANGED", "{'type':'object','dependencies':{'a':['b']}}",
                "{'type':'object','dependencies':{'a':['c']}}", "BF");
        add("DEPENDENCY_SCHEMA_ADDED", "{'type':'object'}",
                "{'type':'object','dependencies':{'a':{'required':['b']}}}", "B");
        add("DEPENDENCY_SCHEMA_REMOVED", "{'type':'object','dependencies':{'a':{'required':['b']}}}",
                "{'type':'object'}", "F");

        add("PROPERTY_ADDED_TO_OPEN_CONTENT_MODEL", OBJ, OBJ_B, "B", "");
        add("REQUIRED_PROPERTY_ADDED_TO_OPEN_CONTENT_MODEL", OBJ, "{'type':'object','properties':{'a':{'type':"
                + "'string'},'b':{'type':'string'}},'required':['b']}", "B", "B");
        add("REQUIRED_PROPERTY_WITH_DEFAULT_ADDED_TO_OPEN_CONTENT_MODEL", OBJ, "{'type':'object','properties':"
                + "{'a':{'type':'string'},'b':{'type':'string','default':'x'}},'required':['b']}", "B", "");
        add("PROPERTY_WITH_EMPTY_SCHEMA_ADDED_TO_OPEN_CONTENT_MODEL", OBJ,
                "{'type':'object','properties':{'a':{'type':'string'},'b':{}}}", "");
        add("PROPERTY_REMOVED_FROM_OPEN_CONTENT_MODEL", OBJ_B, OBJ, "F", "");
        add("REQUIRED_PROPERTY_ADDED_TO_UNOPEN_CONTENT_MODEL", CLOSED, "{'type':'object','properties':{'a':"
                + "{'type':'string'},'b':{'type':'string'}},'required':['b'],'additionalProperties':false}",
                "BF", "B");
        add("REQUIRED_PROPERTY_WITH_DEFAULT_ADDED_TO_UNOPEN_CONTENT_MODEL", CLOSED, "{'type':'object','properties':"
                + "{'a':{'type':'string'},'b':{'type':'string','default':'x'}},'required':['b'],"
                + "'additionalProperties':false}", "F", "");
        add("OPTIONAL_PROPERTY_ADDED_TO_UNOPEN_CONTENT_MODEL", CLOSED, CLOSED_B, "F", "");
        add("PROPERTY_REMOVED_FROM_CLOSED_CONTENT_MODEL", CLOSED_B, CLOSED, "B", "");
        String closedWithFalse = CLOSED.replace("}},", "},'b':false},");
        add("FALSE_PROPERTY_ADDED_TO_CLOSED_CONTENT_MODEL", CLOSED, closedWithFalse, "");
        add("FALSE_PROPERTY_REMOVED_FROM_CLOSED_CONTENT_MODEL", closedWithFalse, CLOSED, "");
        String partialCovered = PARTIAL.replace("'a':{'type':'string'}}", "'a':{'type':'string'},"
                + "'s_b':{'type':'string'}}");
        String partialNotCovered = PARTIAL.replace("'a':{'type':'string'}}", "'a':{'type':'string'},"
                + "'s_b':{'type':'integer'}}");
        add("PROPERTY_ADDED_IS_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL", PARTIAL, partialCovered, "");
        add("PROPERTY_ADDED_NOT_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL", PARTIAL, partialNotCovered, "BF", "");
        add("PROPERTY_REMOVED_IS_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL", partialCovered, PARTIAL, "");
        add("PROPERTY_REMOVED_NOT_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL", partialNotCovered, PARTIAL, "BF", "");

        bounds("MAX_ITEMS", "{'type':'array'", "maxItems", true);
        bounds("MIN_ITEMS", "{'type':'array'", "minItems", false);
        bounds("MAX_CONTAINS", "{" + D2020 + "'type':'array','contains':{'type':'string'}", "maxContains", true);
        bounds("MIN_CONTAINS", "{" + D2020 + "'type':'array','contains':{'type':'string'}", "minContains", false);
        add("UNIQUE_ITEMS_ADDED", "{'type':'array'}", "{'type':'array','uniqueItems':true}", "B");
        add("UNIQUE_ITEMS_REMOVED", "{'type':'array','uniqueItems':true}", "{'type':'array'}", "F");
        String closedTuple = TUPLE.replace("]}", "],'additionalItems':false}");
        String closedTupleWithFalse = "{'type':'array','items':[{'type':'string'},false],'additionalItems':false}";
        add("FALSE_ITEM_ADDED_TO_CLOSED_CONTENT_MODEL", closedTuple, closedTupleWithFalse, "");
        add("FALSE_ITEM_REMOVED_FROM_CLOSED_CONTENT_MODEL", closedTupleWithFalse, closedTuple, "");
        String typedTuple = TUPLE.replace("]}", "],'additionalItems':{'type':'string'}}");
        add("ADDITIONAL_ITEMS_ADDED", closedTuple, TUPLE, "F");
        add("ADDITIONAL_ITEMS_REMOVED", TUPLE, closedTuple, "B");
        add("ADDITIONAL_ITEMS_EXTENDED", typedTuple, TUPLE, "F");
        add("ADDITIONAL_ITEMS_NARROWED", TUPLE, typedTuple, "B");
        add("ITEM_ADDED_TO_OPEN_CONTENT_MODEL", TUPLE, TUPLE_2, "B");
        add("ITEM_WITH_EMPTY_SCHEMA_ADDED_TO_OPEN_CONTENT_MODEL", TUPLE,
                "{'type':'array','items':[{'type':'string'},{}]}", "");
        add("ITEM_REMOVED_FROM_OPEN_CONTENT_MODEL", TUPLE_2, TUPLE, "F");
        add("ITEM_ADDED_TO_CLOSED_CONTENT_MODEL", closedTuple, TUPLE_2.replace("]}", "],'additionalItems':false}"),
                "F");
        add("ITEM_REMOVED_FROM_CLOSED_CONTENT_MODEL", TUPLE_2.replace("]}", "],'additionalItems':false}"),
                closedTuple, "B");
        String typedTupleCovered = "{'type':'array','items':[{'type':'string'},{'type':'string'}],"
                + "'additionalItems':{'type':'string'}}";
        String typedTupleNotCovered = "{'type':'array','items':[{'type':'string'},{'type':'integer'}],"
                + "'additionalItems':{'type':'string'}}";
        add("ITEM_ADDED_IS_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL", typedTuple, typedTupleCovered, "");
        add("ITEM_ADDED_NOT_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL", typedTuple, typedTupleNotCovered, "BF");
        add("ITEM_REMOVED_IS_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL", typedTupleCovered, typedTuple, "");
        add("ITEM_REMOVED_NOT_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL", typedTupleNotCovered, typedTuple, "BF");

        String oneOf = "{'oneOf':[{'type':'string'},{'type':'integer'}]}";
        String anyOf = "{'anyOf':[{'type':'string'},{'type':'integer'}]}";
        add("COMBINED_TYPE_EXTENDED", oneOf, anyOf, "F");
        add("COMBINED_TYPE_CHANGED", anyOf, oneOf, "B");
        add("PRODUCT_TYPE_EXTENDED", "{'allOf':[{'type':'string'},{'maxLength':10}]}",
                "{'allOf':[{'type':'string'},{'maxLength':10},{'minLength':1}]}", "B");
        add("PRODUCT_TYPE_NARROWED", "{'allOf':[{'type':'string'},{'maxLength':10},{'minLength':1}]}",
                "{'allOf':[{'type':'string'},{'maxLength':10}]}", "F");
        add("SUM_TYPE_EXTENDED", oneOf, "{'oneOf':[{'type':'string'},{'type':'integer'},{'type':'boolean'}]}", "F");
        add("SUM_TYPE_NARROWED", "{'oneOf':[{'type':'string'},{'type':'integer'},{'type':'boolean'}]}", oneOf, "B");
        add("COMBINED_TYPE_SUBSCHEMAS_CHANGED", oneOf, "{'oneOf':[{'type':'boolean'},{'type':'integer'}]}", "BF");
        add("COMBINED_TYPE_ADDED", "{'type':'object'}",
                "{'type':'object','anyOf':[{'required':['a']},{'required':['b']}]}", "B");
        add("COMBINED_TYPE_REMOVED", "{'type':'object','anyOf':[{'required':['a']},{'required':['b']}]}",
                "{'type':'object'}", "F");
        add("NOT_TYPE_EXTENDED", "{'not':{'type':'string','maxLength':3}}", "{'not':{'type':'string'}}", "B");
        add("NOT_TYPE_NARROWED", "{'not':{'type':'string'}}", "{'not':{'type':'string','maxLength':3}}", "F");
        add("NOT_ADDED", S, "{'type':'string','not':{'enum':['']}}", "B");
        add("NOT_REMOVED", "{'type':'string','not':{'enum':['']}}", S, "F");
        String condition = "'if':{'properties':{'kind':{'const':'card'}}},'then':{'required':['number']}";
        add("CONDITION_ADDED", "{'type':'object'}", "{'type':'object'," + condition + "}", "B");
        add("CONDITION_REMOVED", "{'type':'object'," + condition + "}", "{'type':'object'}", "F");
        add("CONDITION_CHANGED", "{'type':'object'," + condition + "}",
                "{'type':'object'," + condition.replace("'card'", "'bank'") + "}", "BF");
    }

    private JsonRuleExamples() {
    }

    private static void add(String rule, String oldSchema, String newSchema, String breaks) {
        add(rule, oldSchema, newSchema, breaks, breaks);
    }

    private static void add(String rule, String oldSchema, String newSchema, String strict, String lenient) {
        if (EXAMPLES.put(rule, new Example(oldSchema, newSchema, strict, lenient)) != null) {
            throw new IllegalStateException("two examples for " + rule);
        }
    }

    /** ADDED/REMOVED/INCREASED/DECREASED examples of a bound keyword. */
    private static void bounds(String family, String start, String keyword, boolean upper) {
        String none = start + "}";
        String small = start + ",'" + keyword + "':5}";
        String large = start + ",'" + keyword + "':10}";
        String narrowing = upper ? "_DECREASED" : "_INCREASED";
        String widening = upper ? "_INCREASED" : "_DECREASED";
        add(family + "_ADDED", none, small, "B");
        add(family + "_REMOVED", small, none, "F");
        add(family + narrowing, upper ? large : small, upper ? small : large, "B");
        add(family + widening, upper ? small : large, upper ? large : small, "F");
    }

    /** Every example, by rule id. */
    public static Map<String, Example> all() {
        return Collections.unmodifiableMap(EXAMPLES);
    }
}
