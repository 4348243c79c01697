package dev.accord.maven.baseline;

import dev.accord.maven.schema.SourceTree;
import org.eclipse.jgit.errors.RevisionSyntaxException;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.eclipse.jgit.treewalk.filter.PathFilter;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The files of the project directory as they are in a commit of the project's git repository (a branch, tag,
 * commit id or any revision expression git understands, e.g. {@code origin/main}, {@code v1.4.0},
 * {@code HEAD~1}). Reads objects from the repository with JGit: the work tree and the index are not touched,
 * and no git executable is needed. Paths are relative to the project directory, like the work tree's.
 */
public final class GitTree implements SourceTree {

    private final String commitId;
    private final Map<String, byte[]> files = new LinkedHashMap<>();

    private GitTree(String commitId) {
        this.commitId = commitId;
    }

    /** The abbreviated commit the ref resolved to. */
    public String commitId() {
        return commitId;
    }

    /**
     * Reads the files under the project directory (optionally only those under the given project-relative
     * folders) at the revision.
     *
     * @throws IllegalArgumentException when there is no repository or the revision does not resolve
     */
    public static GitTree read(Path projectDir, String revision, List<String> folders) {
        FileRepositoryBuilder builder = new FileRepositoryBuilder().readEnvironment().findGitDir(projectDir.toFile());
        if (builder.getGitDir() == null) {
            throw new IllegalArgumentException("No git repository at or above " + projectDir
                    + ": the git: baseline compares with a commit of the project's repository");
        }
        try (Repository repository = builder.build()) {
            Path workTree = repository.getWorkTree().toPath().toRealPath();
            Path project = projectDir.toRealPath();
            if (!project.startsWith(workTree)) {
                throw new IllegalArgumentException("The project " + project + " is not inside the work tree " + workTree);
            }
            String prefix = workTree.relativize(project).toString().replace('\\', '/');
            prefix = prefix.isEmpty() ? "" : prefix + "/";
            ObjectId id;
            try {
                id = repository.resolve(revision + "^{commit}");
            } catch (RevisionSyntaxException e) {
                throw new IllegalArgumentException("'" + revision + "' is not a git revision: " + e.getMessage(), e);
            }
            if (id == null) {
                throw new IllegalArgumentException(unknownRevision(repository, revision));
            }
            GitTree tree = new GitTree(id.abbreviate(10).name());
            try (RevWalk walk = new RevWalk(repository)) {
                RevCommit commit = walk.parseCommit(id);
                List<String> roots = new ArrayList<>();
                if (folders == null || folders.isEmpty()) {
                    roots.add(prefix);
                } else {
                    for (String folder : folders) {
                        roots.add(prefix + folder);
                    }
                }
                for (String root : roots) {
                    tree.collect(repository, commit, root.endsWith("/") ? root.substring(0, root.length() - 1) : root,
                            prefix);
                }
            }
            return tree;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read git revision " + revision + ": " + e.getMessage(), e);
        }
    }

    private void collect(Repository repository, RevCommit commit, String root, String prefix) throws IOException {
        try (TreeWalk walk = new TreeWalk(repository)) {
            walk.addTree(commit.getTree());
            walk.setRecursive(true);
            if (!root.isEmpty()) {
                walk.setFilter(PathFilter.create(root));
            }
            while (walk.next()) {
                FileMode mode = walk.getFileMode(0);
                if (mode != FileMode.REGULAR_FILE && mode != FileMode.EXECUTABLE_FILE) {
                    continue;
                }
                String path = walk.getPathString();
                if (!path.startsWith(prefix)) {
                    continue;
                }
                files.putIfAbsent(path.substring(prefix.length()),
                        repository.open(walk.getObjectId(0)).getCachedBytes(Integer.MAX_VALUE));
            }
        }
    }

    private static String unknownRevision(Repository repository, String revision) {
        String known;
        try {
            List<Ref> refs = repository.getRefDatabase().getRefs();
            known = refs.stream().map(Ref::getName).filter(n -> !n.equals("HEAD"))
                    .map(n -> n.replaceFirst("^refs/(heads|tags|remotes)/", ""))
                    .limit(15).collect(Collectors.joining(", "));
        } catch (IOException e) {
            known = "?";
        }
        boolean shallow = new java.io.File(repository.getDirectory(), "shallow").exists();
        return "git revision '" + revision + "' not found in " + repository.getDirectory()
                + (known.isEmpty() ? "" : " (known refs: " + known + ")")
                + (shallow || revision.contains("/")
                ? ". In a shallow CI checkout fetch it first, e.g. git fetch --depth=1 origin main:refs/remotes/origin/main"
                : "");
    }

    @Override
    public List<String> list(String prefix) {
        return files.keySet().stream().filter(p -> p.startsWith(prefix)).sorted().toList();
    }

    @Override
    public String read(String path) {
        byte[] bytes = files.get(path);
        return bytes == null ? null : new String(bytes, StandardCharsets.UTF_8);
    }
}
