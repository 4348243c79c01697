package dev.accord.maven;

import com.fasterxml.jackson.databind.JsonNode;
import dev.accord.maven.registry.RegistryClient;
import dev.accord.maven.registry.RegistryException;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Sets the compatibility level and policy of subjects, or the global one, in the registry: from
 * {@code <compatibilityLevels>}/{@code <compatibilityPolicies>} (subject to value, {@code __GLOBAL} for the
 * registry-wide setting), from the level and policy of the {@code <subjects>} entries, or for one subject from
 * the command line ({@code -Daccord.subject=orders-value -Daccord.level=FULL}).
 */
@Mojo(name = "set-compatibility", requiresProject = false, threadSafe = true)
public class SetCompatibilityMojo extends AbstractAccordMojo {

    static final String GLOBAL = "__GLOBAL";

    /** Subject to level; the key __GLOBAL sets the global level. */
    @Parameter
    protected Map<String, String> compatibilityLevels;

    /** Subject to policy (STRICT or LENIENT); the key __GLOBAL sets the global policy. */
    @Parameter
    protected Map<String, String> compatibilityPolicies;

    /** One subject to configure from the command line (__GLOBAL for the global setting). */
    @Parameter(property = "accord.subject")
    protected String subject;

    /** The level for accord.subject. */
    @Parameter(property = "accord.level")
    protected String level;

    /** The policy for accord.subject. */
    @Parameter(property = "accord.policy")
    protected String policy;

    @Override
    public void execute() throws MojoExecutionException {
        if (skip) {
            getLog().info("accord:set-compatibility skipped");
            return;
        }
        Map<String, String[]> settings = new LinkedHashMap<>();
        if (subject != null && !subject.isBlank()) {
            if (level == null && policy == null) {
                throw new MojoExecutionException("accord.subject=" + subject + " needs -Daccord.level and/or"
                        + " -Daccord.policy");
            }
            settings.put(subject.trim(), new String[]{level, policy});
        } else {
            if (subjects != null) {
                for (Subject s : subjects) {
                    if (s.getName() != null && (s.getLevel() != null || s.getPolicy() != null)) {
                        settings.put(s.getName().trim(), new String[]{s.getLevel(), s.getPolicy()});
                    }
                }
            }
            if (compatibilityLevels != null) {
                compatibilityLevels.forEach((key, value) -> settings.computeIfAbsent(key.trim(),
                        k -> new String[2])[0] = value);
            }
            if (compatibilityPolicies != null) {
                compatibilityPolicies.forEach((key, value) -> settings.computeIfAbsent(key.trim(),
                        k -> new String[2])[1] = value);
            }
        }
        if (settings.isEmpty()) {
            throw new MojoExecutionException("Nothing to set: configure <compatibilityLevels>, levels in <subjects>,"
                    + " or -Daccord.subject=<subject|__GLOBAL> -Daccord.level=<level>");
        }
        RegistryClient client = registryClient();
        for (Map.Entry<String, String[]> entry : settings.entrySet()) {
            String name = entry.getKey();
            String l = entry.getValue()[0] == null ? null : level(entry.getValue()[0], "level of " + name).name();
            String p = entry.getValue()[1] == null ? null : policy(entry.getValue()[1], "policy of " + name).name();
            try {
                JsonNode echo = client.setConfig(name.equals(GLOBAL) ? null : name, l, p);
                getLog().info((name.equals(GLOBAL) ? "global" : name) + ": " + echo);
            } catch (RegistryException e) {
                throw new MojoExecutionException(e.getMessage(), e);
            }
        }
    }
}
