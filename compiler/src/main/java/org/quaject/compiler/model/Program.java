package org.quaject.compiler.model;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.quaject.compiler.diag.SourceFile;

/**
 * Everything one compilation sees: the quaject classes of the main file and of the
 * files it imports, the kernel blocks (exactly one is valid), and the tests written
 * outside the kernel block.
 */
public record Program(SourceFile mainFile, List<QuajectClass> classes, List<Kernel> kernels, List<TestCase> topLevelTests) {

    public Optional<QuajectClass> quajectClass(String name) {
        return classes.stream().filter(c -> c.name().text().equals(name)).findFirst();
    }

    public Kernel kernel() {
        return kernels.get(0);
    }

    /** The kernel's tests and the file's top-level tests, in source order. */
    public List<TestCase> tests() {
        List<TestCase> all = new ArrayList<>(topLevelTests);
        kernels.forEach(k -> all.addAll(k.tests()));
        all.sort(Comparator.comparing((TestCase t) -> t.position().file().displayName())
                .thenComparingInt(t -> t.position().line()));
        return all;
    }
}
