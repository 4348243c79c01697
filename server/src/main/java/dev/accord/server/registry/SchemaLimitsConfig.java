package dev.accord.server.registry;

import dev.accord.core.schema.SchemaLimits;
import io.quarkus.runtime.Startup;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Hands the configured schema limits to core's parsers before the first request. */
@Startup
@ApplicationScoped
public class SchemaLimitsConfig {

    @ConfigProperty(name = "accord.limits.enum-symbols", defaultValue = "" + SchemaLimits.DEFAULT_ENUM_SYMBOLS)
    int enumSymbols;

    @PostConstruct
    void apply() {
        SchemaLimits.configure(enumSymbols);
    }
}
