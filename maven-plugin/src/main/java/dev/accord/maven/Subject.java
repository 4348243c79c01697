package dev.accord.maven;

/**
 * A subject's configuration: which file it is (overrides the naming strategy), and the level and policy the
 * offline baselines check it with (and that {@code accord:set-compatibility} sets in the registry).
 *
 * <pre>{@code
 * <subject>
 *   <name>orders-value</name>
 *   <file>src/main/avro/orders.avsc</file>   <!-- optional -->
 *   <level>FULL_TRANSITIVE</level>           <!-- optional -->
 *   <policy>LENIENT</policy>                 <!-- optional -->
 * </subject>
 * }</pre>
 */
public class Subject {

    private String name;
    private String file;
    private String level;
    private String policy;

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getFile() {
        return file;
    }

    public void setFile(String file) {
        this.file = file;
    }

    public String getLevel() {
        return level;
    }

    public void setLevel(String level) {
        this.level = level;
    }

    public String getPolicy() {
        return policy;
    }

    public void setPolicy(String policy) {
        this.policy = policy;
    }
}
