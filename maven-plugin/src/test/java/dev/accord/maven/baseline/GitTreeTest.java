package dev.accord.maven.baseline;

import dev.accord.core.schema.SchemaType;
import dev.accord.maven.schema.Glob;
import dev.accord.maven.schema.SourceFile;
import dev.accord.maven.schema.SourceRoot;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.PersonIdent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GitTreeTest {

    private static final PersonIdent ME = new PersonIdent("Test", "test@example.com");

    @Test
    void readsTheProjectsFilesAtARevisionWithoutTouchingTheWorkTree(@TempDir Path repo) throws Exception {
        Path project = repo.resolve("services/orders");
        Path avro = project.resolve("src/main/avro");
        Files.createDirectories(avro);
        Files.writeString(avro.resolve("orders.avsc"), "\"v1\"");
        Files.writeString(repo.resolve("outside.avsc"), "\"outside\"");
        try (Git git = Git.init().setDirectory(repo.toFile()).setInitialBranch("main").call()) {
            git.add().addFilepattern(".").call();
            git.commit().setMessage("v1").setAuthor(ME).setCommitter(ME).setSign(false).call();
            git.tag().setName("v1.0.0").setAnnotated(true).setMessage("release").setTagger(ME).setSigned(false).call();
            Files.writeString(avro.resolve("orders.avsc"), "\"v2\"");
            Files.createDirectories(avro.resolve("sales"));
            Files.writeString(avro.resolve("sales/new.avsc"), "\"new\"");
            git.add().addFilepattern(".").call();
            git.commit().setMessage("v2").setAuthor(ME).setCommitter(ME).setSign(false).call();
        }
        Files.writeString(avro.resolve("orders.avsc"), "\"work tree\"");

        List<SourceRoot> roots = List.of(new SourceRoot("src/main/avro", SchemaType.AVRO,
                List.of(new Glob("**/*.avsc")), List.of()));
        GitTree v1 = GitTree.read(project, "v1.0.0", List.of("src/main/avro"));
        List<SourceFile> files = v1.schemas(roots);
        assertEquals(1, files.size());
        assertEquals("src/main/avro/orders.avsc", files.get(0).path());
        assertEquals("orders.avsc", files.get(0).relative());
        assertEquals("\"v1\"", files.get(0).text());

        List<SourceFile> head = GitTree.read(project, "HEAD", List.of("src/main/avro")).schemas(roots);
        assertEquals(List.of("src/main/avro/orders.avsc", "src/main/avro/sales/new.avsc"),
                head.stream().map(SourceFile::path).toList());
        assertEquals("\"v2\"", head.get(0).text());
        assertEquals("\"v1\"", GitTree.read(project, "HEAD~1", List.of()).read("src/main/avro/orders.avsc"));
        // the work tree keeps its uncommitted change
        assertEquals("\"work tree\"", Files.readString(avro.resolve("orders.avsc")));

        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> GitTree.read(project, "origin/main", List.of()));
        assertTrue(unknown.getMessage().contains("not found"), unknown.getMessage());
        assertTrue(unknown.getMessage().contains("v1.0.0"), unknown.getMessage());
    }

    @Test
    void explainsWhenThereIsNoRepository(@TempDir Path dir) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> GitTree.read(dir, "HEAD", List.of()));
        assertTrue(e.getMessage().contains("No git repository"), e.getMessage());
    }
}
