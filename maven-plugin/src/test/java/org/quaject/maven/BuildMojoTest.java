package org.quaject.maven;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** qj:build on real sources with the real compiler: what it compiles, what it leaves alone, and its failures. */
class BuildMojoTest {

    /** A library: no kernel, imported by kernels. */
    static final String LIBRARY = """
            quaject Cell {
                var value: long = 3
                callentry get() -> d0.l {
                    move.l  @value,d0
                    rts
                }
            }
            """;

    /** A kernel that imports the library; its second test fails. */
    static final String KERNEL = """
            import "cell"
            kernel k {
                instance cell: Cell
                test "reads three" {
                    jsr     @cell.get
                    cmp.l   #3,d0
                    fail_if ne, "expected 3 in d0"
                    pass
                }
                test "reads four" {
                    jsr     @cell.get
                    cmp.l   #4,d0
                    fail_if ne, "expected 4 in d0"
                    pass
                }
            }
            """;

    /** A kernel of its own, all of whose tests pass. */
    static final String OTHER = """
            quaject Q {
                var x: long
                callentry get() -> d0.l {
                    move.l  @x,d0
                    rts
                }
            }
            kernel other {
                instance q: Q
                test "first" {
                    jsr     @q.get
                    pass
                }
                test "second" {
                    pass
                }
            }
            """;

    @TempDir
    Path project;

    Path sources;

    @BeforeEach
    void sources() throws IOException {
        sources = Files.createDirectories(project.resolve("src/main/qj"));
        Files.writeString(sources.resolve("cell.qj"), LIBRARY);
        Files.writeString(sources.resolve("k.qj"), KERNEL);
        Files.writeString(sources.resolve("other.qj"), OTHER);
    }

    /** The goal as Maven would configure it for the project, logging to {@code log}. */
    static BuildMojo buildMojo(Path project, RecordingLog log) {
        BuildMojo mojo = new BuildMojo();
        mojo.sourceDirectory = project.resolve("src/main/qj").toFile();
        mojo.imageDirectory = project.resolve("target/images").toFile();
        mojo.setLog(log);
        return mojo;
    }

    @Test
    void compilesEachKernelIntoItsImageFilesAndNotTheLibraries() throws Exception {
        RecordingLog log = new RecordingLog();
        buildMojo(project, log).execute();
        Path images = project.resolve("target/images");
        for (String kernel : new String[] {"k", "other"}) {
            for (String extension : Kernels.IMAGE_EXTENSIONS) {
                assertTrue(Files.isRegularFile(images.resolve(kernel + extension)), kernel + extension);
            }
        }
        assertAll(
                () -> assertFalse(Files.exists(images.resolve("cell.elf"))),
                () -> assertTrue(log.text().contains("[INFO] k.qj: no image yet (k.elf)"), log.text()),
                () -> assertTrue(log.text().contains("[INFO] Compiling 2 of 2 kernels into " + images), log.text()));
    }

    @Test
    void aSecondBuildCompilesNothing() throws Exception {
        buildMojo(project, new RecordingLog()).execute();
        Path image = project.resolve("target/images/k.elf");
        FileTime written = Files.getLastModifiedTime(image);
        RecordingLog second = new RecordingLog();
        buildMojo(project, second).execute();
        assertAll(
                () -> assertTrue(second.text().contains("[INFO] Nothing to compile: 2 kernels are up to date in "
                        + project.resolve("target/images")), second.text()),
                () -> assertEquals(written, Files.getLastModifiedTime(image)));
    }

    @Test
    void aChangedImportCompilesTheKernelsThatImportItAndNoOther() throws Exception {
        buildMojo(project, new RecordingLog()).execute();
        Path library = sources.resolve("cell.qj");
        Files.setLastModifiedTime(library, FileTime.from(Instant.now().plusSeconds(5)));
        RecordingLog log = new RecordingLog();
        buildMojo(project, log).execute();
        assertAll(
                () -> assertTrue(log.text().contains("[INFO] k.qj: changed since its image was written: " + library),
                        log.text()),
                () -> assertTrue(log.text().contains("[INFO] Compiling 1 of 2 kernels"), log.text()),
                () -> assertFalse(log.text().contains("other.qj:"), log.text()));
    }

    @Test
    void aMissingImageFileCompilesTheKernelAgain() throws Exception {
        buildMojo(project, new RecordingLog()).execute();
        Files.delete(project.resolve("target/images/other.map"));
        RecordingLog log = new RecordingLog();
        buildMojo(project, log).execute();
        assertAll(
                () -> assertTrue(log.text().contains("[INFO] other.qj: no image yet (other.map)"), log.text()),
                () -> assertTrue(Files.isRegularFile(project.resolve("target/images/other.map"))));
    }

    @Test
    void aKernelWithErrorsFailsTheBuildWithItsDiagnosticsAndLeavesNoImage() throws Exception {
        Files.writeString(sources.resolve("broken.qj"), """
                kernel broken {
                    instance q: Nope
                }
                """);
        RecordingLog log = new RecordingLog();
        MojoFailureException failure = assertThrows(MojoFailureException.class, () -> buildMojo(project, log).execute());
        assertAll(
                () -> assertEquals("Compilation failure: broken.qj does not compile (the errors are above)",
                        failure.getMessage()),
                () -> assertTrue(log.text().contains("[ERROR] " + sources.resolve("broken.qj") + ":2:"), log.text()),
                () -> assertFalse(Files.exists(project.resolve("target/images/broken.elf"))),
                () -> assertTrue(Files.isRegularFile(project.resolve("target/images/k.elf"))));
    }

    @Test
    void aProjectWithoutKernelsHasNothingToCompile() throws Exception {
        RecordingLog log = new RecordingLog();
        buildMojo(project.resolve("elsewhere"), log).execute();
        assertTrue(log.text().contains("[INFO] No kernels to compile: no .qj file in "
                + project.resolve("elsewhere/src/main/qj") + " declares a kernel"), log.text());
    }
}
