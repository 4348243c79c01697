package dev.accord.core.protobuf;

import com.google.protobuf.AnyProto;
import com.google.protobuf.ApiProto;
import com.google.protobuf.DescriptorProtos;
import com.google.protobuf.DescriptorProtos.FileDescriptorProto;
import com.google.protobuf.Descriptors.DescriptorValidationException;
import com.google.protobuf.Descriptors.FileDescriptor;
import com.google.protobuf.DurationProto;
import com.google.protobuf.EmptyProto;
import com.google.protobuf.FieldMaskProto;
import com.google.protobuf.SourceContextProto;
import com.google.protobuf.StructProto;
import com.google.protobuf.TimestampProto;
import com.google.protobuf.TypeProto;
import com.google.protobuf.WrappersProto;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The files every schema may import without a reference, as Confluent's registry knows them: the
 * {@code google/protobuf} files protobuf-java ships, and {@code google/type}, {@code confluent/meta.proto} and
 * {@code confluent/type/decimal.proto}, kept as resources of this module.
 */
final class WellKnownProtos {

    private static final List<String> RESOURCE_FILES = List.of(
            "google/type/calendar_period.proto", "google/type/color.proto", "google/type/date.proto",
            "google/type/datetime.proto", "google/type/dayofweek.proto", "google/type/expr.proto",
            "google/type/fraction.proto", "google/type/interval.proto", "google/type/latlng.proto",
            "google/type/money.proto", "google/type/month.proto", "google/type/phone_number.proto",
            "google/type/postal_address.proto", "google/type/quaternion.proto", "google/type/timeofday.proto",
            "confluent/meta.proto", "confluent/type/decimal.proto");

    private static volatile Map<String, FileDescriptor> files;

    private WellKnownProtos() {
    }

    /** The built-in file with this import path. */
    static Optional<FileDescriptor> find(String path) {
        return Optional.ofNullable(all().get(path));
    }

    /** The import paths of every built-in file. */
    static Set<String> paths() {
        return all().keySet();
    }

    private static Map<String, FileDescriptor> all() {
        Map<String, FileDescriptor> loaded = files;
        if (loaded == null) {
            synchronized (WellKnownProtos.class) {
                loaded = files;
                if (loaded == null) {
                    loaded = load();
                    files = loaded;
                }
            }
        }
        return loaded;
    }

    private static Map<String, FileDescriptor> load() {
        Map<String, FileDescriptor> loaded = new LinkedHashMap<>();
        for (FileDescriptor file : List.of(AnyProto.getDescriptor(), ApiProto.getDescriptor(),
                DescriptorProtos.getDescriptor(), DurationProto.getDescriptor(), EmptyProto.getDescriptor(),
                FieldMaskProto.getDescriptor(), SourceContextProto.getDescriptor(), StructProto.getDescriptor(),
                TimestampProto.getDescriptor(), TypeProto.getDescriptor(), WrappersProto.getDescriptor())) {
            loaded.put(file.getName(), file);
        }
        for (String path : RESOURCE_FILES) {
            FileDescriptorProto proto = ProtoText.parse(resource(path), path);
            List<FileDescriptor> dependencies = new ArrayList<>();
            for (String dependency : proto.getDependencyList()) {
                dependencies.add(loaded.get(dependency));
            }
            try {
                loaded.put(path, FileDescriptor.buildFrom(proto, dependencies.toArray(FileDescriptor[]::new)));
            } catch (DescriptorValidationException e) {
                throw new IllegalStateException("Built-in " + path + " is invalid: " + e.getMessage(), e);
            }
        }
        return Map.copyOf(loaded);
    }

    private static String resource(String path) {
        try (InputStream in = WellKnownProtos.class.getResourceAsStream("known/" + path)) {
            if (in == null) {
                throw new IllegalStateException("Built-in " + path + " is missing from the jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
