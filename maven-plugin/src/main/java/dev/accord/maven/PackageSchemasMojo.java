package dev.accord.maven;

import dev.accord.maven.baseline.SchemaIndex;
import dev.accord.maven.schema.SchemaSet;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.Component;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProjectHelper;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

/**
 * Packages the schemas under {@code META-INF/accord/schemas/} with an index.json of their subjects, so that the
 * next release can check against this one ({@code artifact:previous}). They go into the project's jar (the
 * output directory); for a project without a jar (packaging pom), or with {@code attach}, into a
 * {@code -schemas.jar} attached to the build, which install and deploy publish.
 */
@Mojo(name = "package-schemas", defaultPhase = LifecyclePhase.PREPARE_PACKAGE, threadSafe = true)
public class PackageSchemasMojo extends AbstractAccordMojo {

    /** Also build and attach a separate jar of the schemas (always done for packaging pom). */
    @Parameter(property = "accord.attach", defaultValue = "false")
    protected boolean attach;

    /** Classifier of the attached jar. */
    @Parameter(property = "accord.classifier", defaultValue = ArtifactBaseline.CLASSIFIER)
    protected String classifier;

    @Parameter(defaultValue = "${project.build.outputDirectory}", readonly = true)
    protected File outputDirectory;

    @Parameter(defaultValue = "${project.build.directory}", readonly = true)
    protected File buildDirectory;

    @Component
    protected MavenProjectHelper projectHelper;

    @Override
    public void execute() throws MojoExecutionException {
        if (skip) {
            getLog().info("accord:package-schemas skipped");
            return;
        }
        SchemaSet set = loadProjectSchemas();
        Map<String, String> texts = new java.util.LinkedHashMap<>();
        List<SchemaIndex.Line> lines = new ArrayList<>();
        Map<String, String> seen = new HashMap<>();
        for (SchemaSet.Entry entry : set.entries()) {
            if (entry.subject() == null) {
                throw new MojoExecutionException(entry.path() + ": " + entry.error());
            }
            String relative = entry.file().relative();
            String other = seen.putIfAbsent(relative, entry.path());
            if (other != null) {
                throw new MojoExecutionException("Both " + other + " and " + entry.path() + " would be packaged as "
                        + relative + "; rename one");
            }
            texts.put(relative, entry.file().text());
            lines.add(new SchemaIndex.Line(relative, entry.subject(), entry.type(), null));
        }
        texts.put(SchemaIndex.FILE, SchemaIndex.render(lines));
        boolean jarless = "pom".equals(project.getPackaging());
        try {
            if (!jarless) {
                Path folder = outputDirectory.toPath().resolve(SchemaIndex.JAR_FOLDER);
                for (Map.Entry<String, String> file : texts.entrySet()) {
                    Path target = folder.resolve(file.getKey());
                    Files.createDirectories(target.getParent());
                    Files.writeString(target, file.getValue(), StandardCharsets.UTF_8);
                }
                getLog().info("accord:package-schemas: " + lines.size() + " schemas into " + folder);
            }
            if (jarless || attach) {
                Path jar = buildDirectory.toPath().resolve(project.getBuild().getFinalName() + "-" + classifier + ".jar");
                writeJar(jar, texts);
                projectHelper.attachArtifact(project, "jar", classifier, jar.toFile());
                getLog().info("accord:package-schemas: " + lines.size() + " schemas into " + jar + " (attached, "
                        + "classifier " + classifier + ")");
            }
        } catch (IOException e) {
            throw new MojoExecutionException("Cannot package the schemas: " + e.getMessage(), e);
        }
    }

    private static void writeJar(Path jar, Map<String, String> texts) throws IOException {
        Files.createDirectories(jar.getParent());
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream zip = new JarOutputStream(out, manifest)) {
            List<String> directories = new ArrayList<>();
            for (Map.Entry<String, String> file : texts.entrySet()) {
                String name = SchemaIndex.JAR_FOLDER + file.getKey();
                for (int slash = name.indexOf('/'); slash >= 0; slash = name.indexOf('/', slash + 1)) {
                    String dir = name.substring(0, slash + 1);
                    if (!directories.contains(dir) && !dir.equals("META-INF/")) {
                        directories.add(dir);
                        JarEntry entry = new JarEntry(dir);
                        entry.setTime(0);
                        zip.putNextEntry(entry);
                        zip.closeEntry();
                    }
                }
                JarEntry entry = new JarEntry(name);
                entry.setTime(0);
                zip.putNextEntry(entry);
                zip.write(file.getValue().getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
    }
}
