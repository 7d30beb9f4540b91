package org.codecred.scaleout;

import org.springframework.batch.core.partition.Partitioner;
import org.springframework.batch.infrastructure.item.ExecutionContext;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * One partition per input file of a load step (a month's claim files), named {@code file001},
 * {@code file002}... in the files' order, so a restart finds the same partitions under the same names
 * and re-runs only the ones that did not complete, each from its own last commit. The grid size is
 * not used: a file is read by one reader from its first line to its last. A month without any file
 * has one partition with no file, a step that reads nothing.
 */
public final class FilePartitioner implements Partitioner {

    /** The absolute path of the partition's file; empty for the no-file partition. */
    public static final String FILE = "file";

    private final Supplier<List<Path>> files;

    public FilePartitioner(Supplier<List<Path>> files) {
        this.files = files;
    }

    @Override
    public Map<String, ExecutionContext> partition(int gridSize) {
        List<Path> all = files.get();
        Map<String, ExecutionContext> partitions = new LinkedHashMap<>();
        for (int i = 0; i < Math.max(1, all.size()); i++) {
            ExecutionContext context = new ExecutionContext();
            context.putString(FILE, all.isEmpty() ? "" : all.get(i).toAbsolutePath().toString());
            partitions.put(String.format("file%03d", i + 1), context);
        }
        return partitions;
    }

    /** The file named in a partition's context, as the reader's list (empty for the no-file partition). */
    public static List<Path> filesOf(String file) {
        return file == null || file.isEmpty() ? List.of() : List.of(Path.of(file));
    }
}
