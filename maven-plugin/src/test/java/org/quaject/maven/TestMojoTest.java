package org.quaject.maven;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * qj:test on images the real compiler built, booted by the real runner (and
 * QEMU once): reports, verdicts, the parameters, and each configuration it refuses.
 */
class TestMojoTest {

    /** Built once: kernel k (one test passes, one fails) and kernel other (both pass). */
    @TempDir
    static Path project;

    Path reports;

    @BeforeAll
    static void buildTheImages() throws Exception {
        Path sources = Files.createDirectories(project.resolve("src/main/qj"));
        Files.writeString(sources.resolve("cell.qj"), BuildMojoTest.LIBRARY);
        Files.writeString(sources.resolve("k.qj"), BuildMojoTest.KERNEL);
        Files.writeString(sources.resolve("other.qj"), BuildMojoTest.OTHER);
        BuildMojoTest.buildMojo(project, new RecordingLog()).execute();
    }

    @BeforeEach
    void noReports(@TempDir Path reportsDirectory) {
        reports = reportsDirectory;
    }

    private TestMojo testMojo(RecordingLog log, Consumer<TestMojo> configuration) {
        TestMojo mojo = new TestMojo();
        mojo.sourceDirectory = project.resolve("src/main/qj").toFile();
        mojo.imageDirectory = project.resolve("target/images").toFile();
        mojo.reportsDirectory = reports.toFile();
        mojo.engine = "runner";
        configuration.accept(mojo);
        mojo.setLog(log);
        return mojo;
    }

    @Test
    void passingTestsWriteAReportPerImageWithATestCasePerTestBlock() throws Exception {
        RecordingLog log = new RecordingLog();
        testMojo(log, mojo -> mojo.kernels = List.of("other")).execute();
        String report = Files.readString(reports.resolve("TEST-other.elf.xml"));
        assertAll(
                () -> assertTrue(report.contains("<testsuite name=\"other\" tests=\"2\" failures=\"0\""), report),
                () -> assertTrue(report.contains("<testcase name=\"first\" classname=\"other\""), report),
                () -> assertTrue(report.contains("<testcase name=\"second\" classname=\"other\""), report),
                () -> assertTrue(log.text().contains("[INFO] Running other.elf\n[INFO] 1..2\n[INFO] ok 1 - first"),
                        log.text()),
                () -> assertTrue(log.text().contains("[INFO] Runner CPU core: Unicorn 2."), log.text()),
                () -> assertTrue(log.text().contains(
                        "[INFO] Tests run: 2, Failures: 0, Images that did not end normally: 0"), log.text()));
    }

    @Test
    void aFailedTestBlockFailsTheBuildWithItsReason() throws IOException {
        RecordingLog log = new RecordingLog();
        MojoFailureException failure = assertThrows(MojoFailureException.class, () -> testMojo(log, mojo -> { })
                .execute());
        String report = Files.readString(reports.resolve("TEST-k.elf.xml"));
        assertAll(
                () -> assertEquals("There are test failures: 1 of 4 test blocks failed. The reports are in "
                        + reports, failure.getMessage()),
                () -> assertTrue(log.text().contains("[INFO] Failures:\n[INFO]   k.elf 'reads four': expected 4 in d0"),
                        log.text()),
                () -> assertTrue(log.text().contains(
                        "[INFO] Tests run: 4, Failures: 1, Images that did not end normally: 0"), log.text()),
                () -> assertTrue(report.contains("<failure message=\"expected 4 in d0\""), report),
                () -> assertTrue(Files.isRegularFile(reports.resolve("TEST-other.elf.xml"))));
    }

    @Test
    void testFailureIgnoreReportsFailuresWithoutFailingTheBuild() throws Exception {
        RecordingLog log = new RecordingLog();
        testMojo(log, mojo -> mojo.testFailureIgnore = true).execute();
        assertTrue(log.text().contains("[ERROR] There are test failures: 1 of 4 test blocks failed"), log.text());
    }

    @Test
    void skipTestsRunsNothing() throws Exception {
        RecordingLog log = new RecordingLog();
        testMojo(log, mojo -> mojo.skipTests = true).execute();
        assertSkipped(log);
    }

    @Test
    void mavenTestSkipRunsNothing() throws Exception {
        RecordingLog log = new RecordingLog();
        testMojo(log, mojo -> mojo.skip = true).execute();
        assertSkipped(log);
    }

    private void assertSkipped(RecordingLog log) throws IOException {
        assertEquals("[INFO] Tests are skipped.", log.text());
        try (Stream<Path> files = Files.list(reports)) {
            assertEquals(0, files.count());
        }
    }

    @Test
    void onlyRunsTheTestBlockOfThatName() throws Exception {
        testMojo(new RecordingLog(), mojo -> {
            mojo.kernels = List.of("k");
            mojo.only = "reads three";
        }).execute();
        String report = Files.readString(reports.resolve("TEST-k.elf.xml"));
        assertAll(
                () -> assertTrue(report.contains("tests=\"1\" failures=\"0\""), report),
                () -> assertTrue(report.contains("<testcase name=\"reads three\""), report));
    }

    @Test
    void onlyNeedsNoKernelNamedInAProjectOfOneKernel(@TempDir Path oneKernel) throws Exception {
        Path sources = Files.createDirectories(oneKernel.resolve("src/main/qj"));
        Files.writeString(sources.resolve("other.qj"), BuildMojoTest.OTHER);
        testMojo(new RecordingLog(), mojo -> {
            mojo.sourceDirectory = sources.toFile();
            mojo.only = "second";
        }).execute();
        String report = Files.readString(reports.resolve("TEST-other.elf.xml"));
        assertAll(
                () -> assertTrue(report.contains("tests=\"1\" failures=\"0\""), report),
                () -> assertTrue(report.contains("<testcase name=\"second\""), report));
    }

    @Test
    void eachPreemptionSeedIsARunWithItsOwnReport() throws Exception {
        RecordingLog log = new RecordingLog();
        testMojo(log, mojo -> {
            mojo.kernels = List.of("other");
            mojo.preempt = List.of(1L, 2L);
            mojo.preemptGap = 10;
            mojo.contend = true;
        }).execute();
        assertAll(
                () -> assertTrue(log.text().contains("[INFO] Running other.elf-preempt-2"), log.text()),
                () -> assertTrue(log.text().contains("[INFO] # contend: "), log.text()),
                () -> assertTrue(Files.isRegularFile(reports.resolve("TEST-other.elf-preempt-1.xml"))),
                () -> assertTrue(Files.isRegularFile(reports.resolve("TEST-other.elf-preempt-2.xml"))),
                () -> assertTrue(log.text().contains("[INFO] Tests run: 4, Failures: 0"), log.text()));
    }

    @Test
    void anImageThatRunsOutOfInstructionsFailsTheBuild() {
        RecordingLog log = new RecordingLog();
        MojoFailureException failure = assertThrows(MojoFailureException.class, () -> testMojo(log, mojo -> {
            mojo.kernels = List.of("other");
            mojo.maxInstructions = 50L;
        }).execute());
        assertAll(
                () -> assertEquals("There are test failures: 0 of 0 test blocks failed, 1 of 1 runs did not end"
                        + " normally. The reports are in " + reports, failure.getMessage()),
                () -> assertTrue(log.text().contains("the instruction budget ran out"), log.text()),
                () -> assertTrue(log.text().contains("[INFO]   other.elf: the image did not end normally"), log.text()));
    }

    @Test
    void theQemuEngineRunsTheSameTests() throws Exception {
        testMojo(new RecordingLog(), mojo -> {
            mojo.kernels = List.of("other");
            mojo.engine = "qemu";
        }).execute();
        String report = Files.readString(reports.resolve("TEST-other.elf.xml"));
        assertTrue(report.contains("tests=\"2\" failures=\"0\""), report);
    }

    @Test
    void aProjectWithoutKernelsHasNothingToTest() throws Exception {
        RecordingLog log = new RecordingLog();
        TestMojo mojo = testMojo(log, m -> m.sourceDirectory = reports.resolve("src/main/qj").toFile());
        mojo.execute();
        assertTrue(log.text().contains("[INFO] No kernels to test: no .qj file in " + reports.resolve("src/main/qj")
                + " declares a kernel"), log.text());
    }

    static Stream<Arguments> configurationsThatDoNotFit() {
        return Stream.of(
                Arguments.of("only with two kernels", (Consumer<TestMojo>) mojo -> mojo.only = "first",
                        "qj.only needs one kernel, as a test name belongs to one; choose it with qj.kernels among"
                                + " k, other"),
                Arguments.of("a kernel the project has not", (Consumer<TestMojo>) mojo -> mojo.kernels = List.of("nope"),
                        "qj.kernels: no kernel nope in " + project.resolve("src/main/qj")
                                + "; the kernels are k, other"),
                Arguments.of("an engine there is not", (Consumer<TestMojo>) mojo -> mojo.engine = "bochs",
                        "the plugin's parameters do not fit: qj: Invalid value for option '--engine': expected one"
                                + " of [runner, qemu] (case-sensitive) but was 'bochs'"),
                Arguments.of("preemption on QEMU", (Consumer<TestMojo>) mojo -> {
                    mojo.engine = "qemu";
                    mojo.preempt = List.of(7L);
                }, "the plugin's parameters do not fit: qj: --preempt needs --engine runner: QEMU has no stress modes"),
                Arguments.of("no instructions", (Consumer<TestMojo>) mojo -> mojo.maxInstructions = 0L,
                        "the plugin's parameters do not fit: qj: --max-instructions must be a positive number, not 0"),
                Arguments.of("a gap without preemption", (Consumer<TestMojo>) mojo -> mojo.preemptGap = 10,
                        "the plugin's parameters do not fit: qj: --preempt-gap needs --preempt SEED"),
                Arguments.of("contention without preemption", (Consumer<TestMojo>) mojo -> mojo.contend = true,
                        "the plugin's parameters do not fit: qj: --contend needs --preempt SEED"),
                Arguments.of("a test block the kernel has not", (Consumer<TestMojo>) mojo -> {
                    mojo.kernels = List.of("other");
                    mojo.only = "third";
                }, "the plugin's parameters do not fit: qj: --only: the image has no test named \"third\";"
                        + " its tests are \"first\", \"second\""));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("configurationsThatDoNotFit")
    void aConfigurationThatDoesNotFitIsAnErrorThatSaysWhy(String what, Consumer<TestMojo> configuration,
                                                           String message) {
        MojoExecutionException error = assertThrows(MojoExecutionException.class,
                () -> testMojo(new RecordingLog(), configuration).execute());
        assertEquals(message, error.getMessage());
    }

    @Test
    void aKernelWithoutItsImageIsAnErrorThatNamesTheGoalThatBuildsIt(@TempDir Path elsewhere) throws IOException {
        Path sources = Files.createDirectories(elsewhere.resolve("src/main/qj"));
        Files.writeString(sources.resolve("other.qj"), BuildMojoTest.OTHER);
        // A kernel before it whose image is there does not run either: nothing runs.
        Files.writeString(sources.resolve("k.qj"), BuildMojoTest.KERNEL);
        Files.writeString(sources.resolve("cell.qj"), BuildMojoTest.LIBRARY);
        Path images = Files.createDirectories(elsewhere.resolve("target/images"));
        Files.copy(project.resolve("target/images/k.elf"), images.resolve("k.elf"));
        MojoExecutionException error = assertThrows(MojoExecutionException.class,
                () -> testMojo(new RecordingLog(), mojo -> {
                    mojo.sourceDirectory = sources.toFile();
                    mojo.imageDirectory = images.toFile();
                }).execute());
        assertEquals("no image " + images.resolve("other.elf") + " for " + sources.resolve("other.qj")
                + ": qj:build writes it (bound to the compile phase)", error.getMessage());
        try (Stream<Path> files = Files.list(reports)) {
            assertEquals(0, files.count());
        }
    }
}
