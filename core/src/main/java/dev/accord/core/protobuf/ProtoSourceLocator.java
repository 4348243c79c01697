package dev.accord.core.protobuf;

import com.squareup.wire.schema.Location;
import com.squareup.wire.schema.internal.parser.EnumConstantElement;
import com.squareup.wire.schema.internal.parser.EnumElement;
import com.squareup.wire.schema.internal.parser.FieldElement;
import com.squareup.wire.schema.internal.parser.GroupElement;
import com.squareup.wire.schema.internal.parser.MessageElement;
import com.squareup.wire.schema.internal.parser.OneOfElement;
import com.squareup.wire.schema.internal.parser.ProtoFileElement;
import com.squareup.wire.schema.internal.parser.TypeElement;
import dev.accord.core.format.SourceLocation;
import dev.accord.core.format.SourceLocator;
import dev.accord.core.schema.InvalidSchemaException;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where the elements a Protobuf rule path names are in a .proto text: messages and enums by name, fields and enum
 * values by number, oneofs by name, the package statement. Text that does not parse keeps no element locations;
 * names are then still found by searching the text.
 */
final class ProtoSourceLocator implements SourceLocator {

    private final String text;
    private final Map<String, SourceLocation> byPath = new HashMap<>();

    private ProtoSourceLocator(String text) {
        this.text = text;
    }

    static ProtoSourceLocator of(String text) {
        ProtoSourceLocator locator = new ProtoSourceLocator(text);
        try {
            locator.index(ProtoText.parseElements(text, "located.proto"));
        } catch (InvalidSchemaException e) {
            // a text that does not parse: only names can be found
        }
        Matcher pkg = Pattern.compile("(?m)^\\s*package\\s").matcher(text);
        if (pkg.find()) {
            locator.byPath.put("/package", locator.at(pkg.end() - "package".length() - 1));
        }
        return locator;
    }

    private void index(ProtoFileElement file) {
        byPath.put("", SourceLocation.START);
        for (TypeElement type : file.getTypes()) {
            index(type, "");
        }
    }

    private void index(TypeElement type, String parent) {
        String path = parent + "/" + type.getName();
        byPath.put(path, location(type.getLocation()));
        if (type instanceof MessageElement message) {
            for (FieldElement field : message.getFields()) {
                byPath.put(path + "/fields/" + field.getTag(), location(field.getLocation()));
            }
            for (GroupElement group : message.getGroups()) {
                byPath.put(path + "/fields/" + group.getTag(), location(group.getLocation()));
            }
            for (OneOfElement oneOf : message.getOneOfs()) {
                byPath.put(path + "/oneofs/" + oneOf.getName(), location(oneOf.getLocation()));
                for (FieldElement field : oneOf.getFields()) {
                    byPath.put(path + "/fields/" + field.getTag(), location(field.getLocation()));
                }
            }
        } else if (type instanceof EnumElement enumeration) {
            for (EnumConstantElement constant : enumeration.getConstants()) {
                byPath.putIfAbsent(path + "/values/" + constant.getTag(), location(constant.getLocation()));
            }
        }
        for (TypeElement nested : type.getNestedTypes()) {
            index(nested, path);
        }
    }

    private static SourceLocation location(Location location) {
        return new SourceLocation(Math.max(1, location.getLine()), Math.max(1, location.getColumn()), false);
    }

    private SourceLocation at(int offset) {
        int line = 1;
        int column = 1;
        for (int i = 0; i < offset && i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                line++;
                column = 1;
            } else {
                column++;
            }
        }
        return new SourceLocation(line, column, false);
    }

    @Override
    public SourceLocation locate(String path) {
        if (path == null) {
            return SourceLocation.START;
        }
        int hash = path.indexOf('#');
        if (hash >= 0) {
            // an element of an imported file: point at its import
            return findName(path.substring(0, hash)).map(SourceLocation::approximately).orElse(SourceLocation.START);
        }
        String p = path.endsWith("/") && path.length() > 1 ? path.substring(0, path.length() - 1) : path;
        SourceLocation exact = byPath.get(p.equals("/") ? "" : p);
        if (exact != null) {
            return exact;
        }
        while (p.contains("/")) {
            p = p.substring(0, p.lastIndexOf('/'));
            SourceLocation found = byPath.get(p);
            if (found != null) {
                return found.approximately();
            }
        }
        return SourceLocation.START;
    }

    @Override
    public boolean contains(String path) {
        return path != null && byPath.containsKey(path);
    }

    @Override
    public Optional<SourceLocation> findName(String name) {
        if (name == null || name.isEmpty()) {
            return Optional.empty();
        }
        int quoted = text.indexOf("\"" + name + "\"");
        if (quoted >= 0) {
            return Optional.of(at(quoted + 1));
        }
        String simple = name.startsWith(".") ? name.substring(1) : name;
        for (String candidate : List.of(simple, simple.substring(simple.lastIndexOf('.') + 1))) {
            Matcher word = Pattern.compile("(?<![A-Za-z0-9_.])" + Pattern.quote(candidate) + "(?![A-Za-z0-9_])")
                    .matcher(text);
            if (word.find()) {
                return Optional.of(at(word.start()));
            }
        }
        return Optional.empty();
    }
}
