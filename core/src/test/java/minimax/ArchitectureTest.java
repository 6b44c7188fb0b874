package minimax;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Keeps the layering arrows pointing down: each package of core may use only the packages listed
 * for it here (checked on the imports and fully qualified names in the sources).
 */
class ArchitectureTest {
    /** package → the minimax packages it may depend on (besides itself). */
    private static final Map<String, Set<String>> ALLOWED = Map.ofEntries(
            Map.entry("kernels", Set.of()),
            Map.entry("tensor", Set.of("kernels")),
            Map.entry("format", Set.of("tensor")),
            Map.entry("autodiff", Set.of("tensor", "kernels")),
            Map.entry("losses", Set.of("autodiff", "tensor")),
            Map.entry("optim", Set.of("autodiff", "tensor", "kernels")),
            Map.entry("train", Set.of("autodiff", "tensor")),
            Map.entry("nn", Set.of("autodiff", "tensor", "kernels", "losses", "optim", "train", "format")),
            Map.entry("gan", Set.of("nn", "autodiff", "tensor", "kernels", "losses", "optim", "train", "format")),
            Map.entry("data", Set.of("tensor", "kernels", "format")),
            Map.entry("io", Set.of("tensor", "kernels", "format", "autodiff", "nn", "optim", "gan", "data")));

    private static final Pattern REFERENCE = Pattern.compile("\\bminimax\\.([a-z]+)\\.");

    @Test
    void packagesDependOnlyOnLayersBelowThem() throws IOException {
        Path root = Files.isDirectory(Path.of("src/main/java/minimax")) ? Path.of("src/main/java/minimax") : Path.of("core/src/main/java/minimax");
        List<String> violations = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path f : (Iterable<Path>) files.filter(p -> p.toString().endsWith(".java"))::iterator) {
                String pkg = root.relativize(f).getName(0).toString();
                Set<String> allowed = ALLOWED.get(pkg);
                if (allowed == null) {
                    violations.add(f + ": package '" + pkg + "' has no entry in ArchitectureTest.ALLOWED");
                    continue;
                }
                Matcher m = REFERENCE.matcher(withoutComments(Files.readString(f)));
                while (m.find()) {
                    String used = m.group(1);
                    if (!used.equals(pkg) && !allowed.contains(used)) violations.add(f + " uses minimax." + used);
                }
            }
        }
        assertTrue(violations.isEmpty(), "layering violations:\n" + String.join("\n", violations));
    }

    /** Source without comments (Javadoc may mention higher layers) and string literals (property names such as {@code minimax.workspace.poison}). */
    private static String withoutComments(String source) {
        return source.replaceAll("(?s)/\\*.*?\\*/", "").replaceAll("//[^\n]*", "").replaceAll("\"(?:[^\"\\\\\n]|\\\\.)*\"", "\"\"");
    }
}
