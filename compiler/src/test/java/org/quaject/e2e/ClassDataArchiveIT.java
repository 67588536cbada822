package org.quaject.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** bin/qj starts its JVM with the class-data archive the build made next to the jar (compiler/pom.xml). */
class ClassDataArchiveIT {

    /**
     * The JVM's class loading log says where each class came from: the
     * command's own classes come from the archive ("top", the dynamic archive
     * over the JDK's), not from the jar.
     */
    @Test
    void binQjLoadsItsClassesFromTheBuildsArchive() {
        QjProcess.Result result = QjProcess.runWithEnvironment(
                Map.of("JAVA_TOOL_OPTIONS", "-Xlog:class+load=info"), "--version");
        assertEquals(0, result.exitStatus(), result::toString);
        assertTrue(result.stdout().lines().anyMatch(line -> line.endsWith(
                " org.quaject.cli.Qj source: shared objects file (top)")), result::toString);
    }
}
