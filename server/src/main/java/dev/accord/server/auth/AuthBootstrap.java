package dev.accord.server.auth;

import dev.accord.server.store.Credentials;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.util.List;
import java.util.Optional;

/**
 * The first admin: when authentication is on and no user "admin" exists, it is created with
 * {@code accord.auth.admin-password} (env ACCORD_ADMIN_PASSWORD), or with a generated password printed once.
 */
@ApplicationScoped
public class AuthBootstrap {

    private static final Logger LOG = Logger.getLogger(AuthBootstrap.class);
    static final String ADMIN = "admin";

    @ConfigProperty(name = "accord.auth.enabled", defaultValue = "false")
    boolean enabled;

    @ConfigProperty(name = "accord.auth.admin-password")
    Optional<String> adminPassword;

    @Inject
    Credentials credentials;

    @Inject
    Accounts accounts;

    void start(@Observes StartupEvent event) {
        if (!enabled || credentials.exists(ADMIN)) {
            return;
        }
        String password = adminPassword.filter(p -> !p.isBlank()).orElse(null);
        boolean generated = password == null;
        if (generated) {
            password = SecretHasher.randomSecret(18);
        }
        try {
            accounts.createUser(Caller.SYSTEM, ADMIN, password, Role.ADMIN, List.of("*"), "the bootstrap admin");
        } catch (RuntimeException e) {
            // another instance created it first
            if (!credentials.exists(ADMIN)) {
                throw e;
            }
            return;
        }
        if (generated) {
            // the one time this password is shown; set ACCORD_ADMIN_PASSWORD to choose it instead
            LOG.warn("Created the admin user with the generated password: " + password
                    + " (shown once; sign in and create keys and users, or set ACCORD_ADMIN_PASSWORD)");
        } else {
            LOG.info("Created the admin user with the password from accord.auth.admin-password");
        }
    }
}
