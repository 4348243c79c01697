package dev.accord.server.registry;

import dev.accord.core.compat.CompatibilityChecker;
import dev.accord.core.compat.CompatibilityLevel;
import dev.accord.core.compat.CompatibilityPolicy;
import dev.accord.core.compat.CompatibilityResult;
import dev.accord.core.compat.VersionedSchema;
import dev.accord.core.schema.ParsedSchema;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.List;
import java.util.Locale;

/**
 * The registry's own metrics, next to Quarkus' HTTP, pool and JVM ones at /q/metrics: registrations by outcome
 * ({@code accord_registrations_total{outcome=created|existing|incompatible|invalid|refused}}) and compatibility
 * checks by format and verdict ({@code accord_compatibility_check_seconds}).
 */
@ApplicationScoped
public class RegistryMetrics {

    private final CompatibilityChecker checker = new CompatibilityChecker();

    @Inject
    MeterRegistry registry;

    public void registered(boolean created) {
        counter(created ? "created" : "existing").increment();
    }

    public void refused(RegistryException e) {
        String outcome = e instanceof IncompatibleSchemaException ? "incompatible"
                : e.errorCode() == ErrorCode.INVALID_SCHEMA ? "invalid" : "refused";
        counter(outcome).increment();
    }

    /** A compatibility check, timed by format and verdict. */
    public CompatibilityResult check(CompatibilityLevel level, CompatibilityPolicy policy, ParsedSchema candidate,
                                     List<VersionedSchema> previous) {
        long start = System.nanoTime();
        CompatibilityResult result = checker.check(level, policy, candidate, previous);
        Timer.builder("accord.compatibility.check")
                .description("Compatibility checks of a candidate against earlier versions")
                .tag("format", candidate.type().name().toLowerCase(Locale.ROOT))
                .tag("compatible", Boolean.toString(result.compatible()))
                .register(registry)
                .record(System.nanoTime() - start, java.util.concurrent.TimeUnit.NANOSECONDS);
        return result;
    }

    private Counter counter(String outcome) {
        return Counter.builder("accord.registrations").description("Schema registrations by outcome")
                .tag("outcome", outcome).register(registry);
    }
}
