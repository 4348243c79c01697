package dev.accord.maven;

import dev.accord.maven.baseline.SchemaIndex;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.logging.Log;
import org.apache.maven.project.MavenProject;
import org.eclipse.aether.RepositorySystem;
import org.eclipse.aether.RepositorySystemSession;
import org.eclipse.aether.artifact.Artifact;
import org.eclipse.aether.artifact.DefaultArtifact;
import org.eclipse.aether.repository.RemoteRepository;
import org.eclipse.aether.resolution.ArtifactRequest;
import org.eclipse.aether.resolution.ArtifactResolutionException;
import org.eclipse.aether.resolution.VersionRangeRequest;
import org.eclipse.aether.resolution.VersionRangeResolutionException;
import org.eclipse.aether.resolution.VersionRangeResult;
import org.eclipse.aether.version.Version;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

import javax.xml.parsers.DocumentBuilderFactory;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The {@code artifact:} baseline: the schemas packaged by {@code accord:package-schemas} into a released artifact,
 * resolved by Maven from the local and remote repositories. {@code artifact:previous} is the newest release of
 * this project older than its current version. With {@code groupId:artifactId:version}, the main jar is used
 * unless the artifact is a pom (then the {@code schemas} classifier), and the classifier is tried when the jar
 * has no schemas; {@code groupId:artifactId:extension:classifier:version} names the file exactly.
 */
final class ArtifactBaseline {

    static final String CLASSIFIER = "schemas";

    /** The resolved baseline: its coordinates and packaged schemas. */
    record Resolved(String coordinates, SchemaIndex.Folder folder) {
    }

    private final RepositorySystem system;
    private final RepositorySystemSession session;
    private final List<RemoteRepository> repositories;
    private final MavenProject project;
    private final Log log;

    ArtifactBaseline(RepositorySystem system, RepositorySystemSession session, List<RemoteRepository> repositories,
                     MavenProject project, Log log) {
        this.system = system;
        this.session = session;
        this.repositories = repositories;
        this.project = project;
        this.log = log;
    }

    /** Empty when {@code previous} finds no earlier release (a first release has nothing to compare with). */
    Optional<Resolved> resolve(String argument) throws MojoExecutionException {
        String coordinates = argument.trim();
        if (coordinates.equals("previous")) {
            Optional<String> previous = previousVersion();
            if (previous.isEmpty()) {
                return Optional.empty();
            }
            coordinates = project.getGroupId() + ":" + project.getArtifactId() + ":" + previous.get();
        }
        String[] parts = coordinates.split(":");
        if (parts.length == 3) {
            return Optional.of(resolveAuto(parts[0], parts[1], parts[2]));
        }
        if (parts.length < 3 || parts.length > 5) {
            throw new MojoExecutionException("artifact baseline '" + argument + "': use artifact:previous,"
                    + " artifact:groupId:artifactId:version or artifact:groupId:artifactId:extension:classifier:version");
        }
        DefaultArtifact artifact = new DefaultArtifact(coordinates);
        Path file = resolveFile(artifact).orElseThrow(() -> new MojoExecutionException("Cannot resolve " + artifact));
        SchemaIndex.Folder folder = SchemaIndex.readJar(file).orElseThrow(() -> noSchemas(artifact.toString()));
        return Optional.of(new Resolved(artifact.toString(), folder));
    }

    private Resolved resolveAuto(String groupId, String artifactId, String version) throws MojoExecutionException {
        String gav = groupId + ":" + artifactId + ":" + version;
        String packaging = packaging(groupId, artifactId, version);
        if (!"pom".equals(packaging)) {
            Optional<Path> jar = resolveFile(new DefaultArtifact(groupId, artifactId, "jar", version));
            if (jar.isPresent()) {
                Optional<SchemaIndex.Folder> folder = SchemaIndex.readJar(jar.get());
                if (folder.isPresent()) {
                    return new Resolved(gav, folder.get());
                }
            }
        }
        Optional<Path> schemas = resolveFile(new DefaultArtifact(groupId, artifactId, CLASSIFIER, "jar", version));
        if (schemas.isPresent()) {
            Optional<SchemaIndex.Folder> folder = SchemaIndex.readJar(schemas.get());
            if (folder.isPresent()) {
                return new Resolved(gav + ":" + CLASSIFIER, folder.get());
            }
        }
        throw noSchemas(gav);
    }

    private static MojoExecutionException noSchemas(String gav) {
        return new MojoExecutionException("The artifact " + gav + " has no schemas under " + SchemaIndex.JAR_FOLDER
                + " (in its jar or its '" + CLASSIFIER + "' jar): package them in each release with the"
                + " accord:package-schemas goal");
    }

    private String packaging(String groupId, String artifactId, String version) throws MojoExecutionException {
        DefaultArtifact pom = new DefaultArtifact(groupId, artifactId, "pom", version);
        Path file = resolveFile(pom).orElseThrow(() -> new MojoExecutionException("Cannot resolve " + pom
                + " from " + repositories.stream().map(RemoteRepository::getUrl).toList() + " or the local repository"));
        try {
            Element root = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(file.toFile())
                    .getDocumentElement();
            for (Node child = root.getFirstChild(); child != null; child = child.getNextSibling()) {
                if ("packaging".equals(child.getNodeName())) {
                    return child.getTextContent().trim();
                }
            }
            return "jar";
        } catch (Exception e) {
            return "jar";
        }
    }

    private Optional<Path> resolveFile(Artifact artifact) {
        try {
            Artifact resolved = system.resolveArtifact(session, new ArtifactRequest(artifact, repositories, null))
                    .getArtifact();
            return Optional.of(resolved.getFile().toPath());
        } catch (ArtifactResolutionException e) {
            log.debug("Cannot resolve " + artifact + ": " + e.getMessage());
            return Optional.empty();
        }
    }

    private Optional<String> previousVersion() throws MojoExecutionException {
        Artifact range = new DefaultArtifact(project.getGroupId(), project.getArtifactId(), "pom",
                "[0," + project.getVersion() + ")");
        VersionRangeResult result;
        try {
            result = system.resolveVersionRange(session, new VersionRangeRequest(range, repositories, null));
        } catch (VersionRangeResolutionException e) {
            throw new MojoExecutionException("Cannot list the versions of " + project.getGroupId() + ":"
                    + project.getArtifactId() + ": " + e.getMessage(), e);
        }
        Version newest = null;
        for (Version version : result.getVersions()) {
            if (!version.toString().endsWith("-SNAPSHOT")) {
                newest = version;
            }
        }
        return Optional.ofNullable(newest).map(Version::toString);
    }
}
