package dev.accord.core.json;

import com.fasterxml.jackson.databind.JsonNode;
import dev.accord.core.schema.InvalidSchemaException;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Everything a {@code $ref} can reach: the schema's own document, the documents of its references (found by the
 * reference name, which is the URL used in {@code $ref}), and every subschema that declares an {@code $id} or an
 * anchor. Resolves a {@code $ref} to the JSON it points to and knows, for each schema node, its document,
 * JSON pointer and base URI.
 */
final class SchemaResources {

    /** Base of a document without an absolute {@code $id}; relative reference names resolve against it. */
    static final URI DEFAULT_BASE = URI.create("https://accord.invalid/schemas/root.json");

    /** Keywords whose value is one subschema. */
    static final Set<String> SUBSCHEMA_KEYWORDS = Set.of("additionalItems", "additionalProperties", "contains", "if",
            "then", "else", "not", "propertyNames", "items", "unevaluatedItems", "unevaluatedProperties",
            "contentSchema");
    /** Keywords whose value is an array of subschemas. */
    static final Set<String> SUBSCHEMA_ARRAY_KEYWORDS = Set.of("allOf", "anyOf", "oneOf", "prefixItems", "items");
    /** Keywords whose value maps names to subschemas. */
    static final Set<String> SUBSCHEMA_MAP_KEYWORDS = Set.of("properties", "patternProperties", "definitions", "$defs",
            "dependentSchemas", "dependencies");

    /** One JSON document: the schema being parsed, or a referenced schema. */
    record Document(String name, JsonNode root, JsonSchemaDraft draft, URI base) {
        /** How paths into this document are shown: "#/..." for the schema itself, "name#/..." for a reference. */
        String display(String pointer) {
            return (name == null ? "" : name) + "#" + pointer;
        }
    }

    /** Where a schema node is: its document, its JSON pointer there, and the base URI its {@code $ref}s use. */
    record Location(Document document, String pointer, URI base) {
        Location child(String... tokens) {
            StringBuilder p = new StringBuilder(pointer);
            for (String token : tokens) {
                p.append('/').append(escape(token));
            }
            return new Location(document, p.toString(), base);
        }

        String display() {
            return document.display(pointer);
        }
    }

    private final Map<JsonNode, Location> locations = new IdentityHashMap<>();
    private final Map<String, Location> resources = new HashMap<>();
    private final Map<String, JsonNode> resourceNodes = new HashMap<>();
    private final Map<String, JsonNode> anchors = new HashMap<>();
    private final Map<String, Location> anchorLocations = new HashMap<>();
    private final List<RefSite> refSites = new ArrayList<>();

    /** A {@code $ref} keyword and where it is written. */
    record RefSite(String ref, Location location) {
    }

    /** Every {@code $ref} written in the document (at a place where a subschema may stand). */
    List<RefSite> refSites(Document document) {
        return refSites.stream().filter(site -> site.location().document() == document).toList();
    }

    /** Indexes a document: every subschema's location, and the resources and anchors it declares. */
    void add(Document document, String... alsoKnownAs) {
        Location root = new Location(document, "", document.base());
        register(withoutFragment(document.base()), document.root(), root);
        for (String alias : alsoKnownAs) {
            register(alias, document.root(), root);
        }
        index(document.root(), root);
    }

    private void register(String uri, JsonNode node, Location location) {
        resources.putIfAbsent(uri, location);
        resourceNodes.putIfAbsent(uri, node);
    }

    private void index(JsonNode node, Location location) {
        if (!node.isObject()) {
            return;
        }
        Location here = location;
        JsonNode id = node.get(location.document().draft().idKeyword());
        // the root's own $id is already the document's base
        if (id != null && id.isTextual() && !id.textValue().isEmpty() && !id.textValue().equals("#")
                && (node != location.document().root() || id.textValue().startsWith("#"))) {
            String value = id.textValue();
            if (value.startsWith("#")) {
                // draft 6/7 plain-name fragment: an anchor, not a new base
                anchor(location.base(), value.substring(1), node, location);
            } else {
                URI base = resolve(location.base(), value, location);
                here = new Location(location.document(), location.pointer(), base);
                register(withoutFragment(base), node, new Location(location.document(), location.pointer(), base));
            }
        }
        for (String anchorKeyword : new String[] {"$anchor", "$dynamicAnchor"}) {
            JsonNode anchor = node.get(anchorKeyword);
            if (anchor != null && anchor.isTextual()) {
                anchor(here.base(), anchor.textValue(), node, here);
            }
        }
        locations.putIfAbsent(node, here);
        if (node.path("$ref").isTextual()) {
            refSites.add(new RefSite(node.get("$ref").textValue(), here));
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            String keyword = entry.getKey();
            JsonNode value = entry.getValue();
            if (SUBSCHEMA_KEYWORDS.contains(keyword) && value.isObject()) {
                index(value, here.child(keyword));
            }
            if (SUBSCHEMA_ARRAY_KEYWORDS.contains(keyword) && value.isArray()) {
                for (int i = 0; i < value.size(); i++) {
                    index(value.get(i), here.child(keyword, Integer.toString(i)));
                }
            }
            if (SUBSCHEMA_MAP_KEYWORDS.contains(keyword) && value.isObject()) {
                for (Iterator<Map.Entry<String, JsonNode>> members = value.fields(); members.hasNext(); ) {
                    Map.Entry<String, JsonNode> member = members.next();
                    index(member.getValue(), here.child(keyword, member.getKey()));
                }
            }
        }
    }

    private void anchor(URI base, String name, JsonNode node, Location location) {
        String key = withoutFragment(base) + "#" + name;
        anchors.putIfAbsent(key, node);
        anchorLocations.putIfAbsent(key, location);
    }

    /** The location of a node indexed by {@link #add}, or null. */
    Location locationOf(JsonNode node) {
        return locations.get(node);
    }

    /** A JSON node and where it is. */
    record Target(JsonNode node, Location location) {
    }

    /**
     * Resolves a {@code $ref} written at {@code from}; throws {@link InvalidSchemaException} naming the keyword
     * when it points to nothing.
     */
    Target resolve(String ref, Location from) {
        URI absolute = resolve(from.base(), ref, from);
        String fragment = absolute.getRawFragment();
        String documentUri = withoutFragment(absolute);
        Location resource = resources.get(documentUri);
        JsonNode resourceNode = resourceNodes.get(documentUri);
        if (resource == null) {
            // a reference name used as written, e.g. "address.json" inside a document with an absolute $id
            String raw = ref.contains("#") ? ref.substring(0, ref.indexOf('#')) : ref;
            resource = resources.get(raw);
            resourceNode = resourceNodes.get(raw);
        }
        if (resource == null) {
            throw unresolved(ref, from, "no schema or reference is known by " + documentUri);
        }
        if (fragment == null || fragment.isEmpty()) {
            return new Target(resourceNode, resource);
        }
        String decoded = URLDecoder.decode(fragment.replace("+", "%2B"), StandardCharsets.UTF_8);
        if (!decoded.startsWith("/")) {
            String key = withoutFragment(resource.base()) + "#" + decoded;
            JsonNode anchored = anchors.get(key);
            if (anchored == null) {
                anchored = anchors.get(documentUri + "#" + decoded);
                key = documentUri + "#" + decoded;
            }
            if (anchored == null) {
                throw unresolved(ref, from, "no anchor '" + decoded + "'");
            }
            return new Target(anchored, anchorLocations.get(key));
        }
        JsonNode node = resourceNode;
        Location location = resource;
        for (String token : decoded.substring(1).split("/", -1)) {
            String name = token.replace("~1", "/").replace("~0", "~");
            if (node.isObject() && node.has(name)) {
                node = node.get(name);
            } else if (node.isArray() && name.matches("0|[1-9][0-9]{0,8}") && Integer.parseInt(name) < node.size()) {
                node = node.get(Integer.parseInt(name));
            } else {
                throw unresolved(ref, from, "'" + decoded + "' points to nothing");
            }
            location = location.child(name);
        }
        Location indexed = locations.get(node);
        return new Target(node, indexed != null ? indexed : location);
    }

    private static InvalidSchemaException unresolved(String ref, Location from, String why) {
        return new InvalidSchemaException("Invalid schema at '" + from.display() + "/$ref': cannot resolve $ref '"
                + ref + "': " + why);
    }

    private static URI resolve(URI base, String reference, Location at) {
        try {
            URI ref = new URI(reference);
            if (base.isOpaque()) {
                return ref.isAbsolute() ? ref : base;
            }
            return base.resolve(ref);
        } catch (URISyntaxException | IllegalArgumentException e) {
            throw new InvalidSchemaException("Invalid schema at '" + at.display() + "': '" + reference
                    + "' is not a valid URI reference: " + e.getMessage());
        }
    }

    static String withoutFragment(URI uri) {
        String text = uri.toString();
        int hash = text.indexOf('#');
        return hash < 0 ? text : text.substring(0, hash);
    }

    /** A JSON pointer token with '~' and '/' escaped. */
    static String escape(String token) {
        return token.replace("~", "~0").replace("/", "~1");
    }
}
