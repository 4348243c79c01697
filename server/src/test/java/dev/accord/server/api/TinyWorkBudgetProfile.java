package dev.accord.server.api;

import io.quarkus.test.junit.QuarkusTestProfile;

import java.util.Map;

/** A request work budget of one millisecond: any schema large enough to need it is refused. */
public class TinyWorkBudgetProfile implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("accord.limits.request-budget", "1ms");
    }
}
