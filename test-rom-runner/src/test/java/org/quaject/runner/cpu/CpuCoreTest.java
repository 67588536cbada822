package org.quaject.runner.cpu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How the runner chooses its CPU core, and that this test run uses the core it was asked for. */
class CpuCoreTest {

    private static final Path NOWHERE = Path.of("/nonexistent/libunicorn.so.2");

    /** The build runs these tests once as configured and once with QJ_CPU_CORE=debian. */
    @Test
    void thisRunUsesTheCoreItsEnvironmentChose() {
        CpuCore core = CpuCore.loaded();
        assertTrue(core.isAvailable(), core.describe());
        if (CpuCore.DEBIAN.equals(System.getenv(CpuCore.VARIABLE))) {
            assertTrue(core.version().startsWith("2.0."), core.describe());
            assertTrue(core.describe().contains("Debian's libunicorn2, chosen by QJ_CPU_CORE"), core.describe());
        } else if (System.getenv(CpuCore.VARIABLE) == null && System.getProperty(CpuCore.PROPERTY) == null
                && Files.isRegularFile(checkout().resolve(CpuCore.LOCAL_CORE))) {
            assertTrue(core.version().startsWith("2.1."), core.describe());
            assertTrue(core.describe().contains(CpuCore.LOCAL_CORE + ", the project's core"), core.describe());
        }
    }

    @Test
    void debianIsChosenByName() {
        CpuCore.Choice choice = CpuCore.choose(null, CpuCore.DEBIAN, Optional.of(NOWHERE));
        assertEquals(new CpuCore.Choice("libunicorn.so.2", "Debian's libunicorn2, chosen by QJ_CPU_CORE", null), choice);
    }

    @Test
    void theProjectsCoreIsPreferredWhenNothingIsChosen(@TempDir Path dir) throws Exception {
        Path local = Files.writeString(dir.resolve("libunicorn.so.2"), "");
        assertEquals(new CpuCore.Choice(local.toString(), "the project's core", null),
                CpuCore.choose(null, null, Optional.of(local)));
    }

    @Test
    void withoutTheProjectsCoreDebiansIsTheFallback() {
        assertEquals(new CpuCore.Choice("libunicorn.so.2", "Debian's libunicorn2; the project's core is not in "
                + "build/cpu-core/libunicorn.so.2: make deps puts it there", null),
                CpuCore.choose(null, null, Optional.empty()));
    }

    @Test
    void thePropertyWinsOverTheEnvironment() {
        CpuCore.Choice choice = CpuCore.choose(CpuCore.DEBIAN, NOWHERE.toString(), Optional.empty());
        assertEquals("Debian's libunicorn2, chosen by -Dqj.cpu.core", choice.origin());
    }

    @Test
    void aChosenFileThatIsMissingSaysHowToFallBack() {
        CpuCore core = CpuCore.load(CpuCore.choose(null, NOWHERE.toString(), Optional.empty()));
        assertFalse(core.isAvailable());
        CpuException e = assertThrows(CpuException.class, core::require);
        assertEquals("the CPU core /nonexistent/libunicorn.so.2 (chosen by QJ_CPU_CORE) does not exist;"
                + " set QJ_CPU_CORE=debian to use Debian's libunicorn2", e.getMessage());
        assertEquals("no CPU core: " + e.getMessage(), core.describe());
    }

    @Test
    void aChosenFileThatIsNoLibraryIsRefused(@TempDir Path dir) throws Exception {
        Path notALibrary = Files.writeString(dir.resolve("libunicorn.so.2"), "not a shared object");
        CpuCore core = CpuCore.load(CpuCore.choose(notALibrary.toString(), null, Optional.empty()));
        assertFalse(core.isAvailable());
        assertTrue(core.describe().startsWith("no CPU core: the CPU core " + notALibrary
                + " (chosen by -Dqj.cpu.core) could not be loaded: "), core.describe());
    }

    /** Tests run with the module directory as working directory. */
    private static Path checkout() {
        return Path.of("").toAbsolutePath().getParent();
    }
}
