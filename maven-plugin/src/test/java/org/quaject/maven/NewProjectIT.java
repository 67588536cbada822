package org.quaject.maven;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.quaject.cli.Qj;

/**
 * What a user does: {@code qj new NAME}, then Maven in the new project, a
 * Maven of its own that finds the toolchain in the repository the build
 * installed it into ({@code it.repository}) and every other artifact in the
 * user's local repository, read as a {@code file://} repository: no network,
 * and the user's repository is never written.
 */
class NewProjectIT {

    private static final Path WORK = Path.of("target/it-projects").toAbsolutePath();
    private static final Path SETTINGS = WORK.resolve("settings.xml");

    /** A Maven build that takes longer than this is stuck. */
    private static final long BUILD_MINUTES = 10;

    /** What a Maven run in a project ended with. */
    private record MavenRun(int exitStatus, String log) {
    }

    @BeforeAll
    static void settingsThatReadTheUserRepositoryAsARemoteOne() throws IOException {
        Files.createDirectories(WORK);
        Files.writeString(SETTINGS, """
                <settings>
                  <mirrors>
                    <mirror>
                      <id>user-repository</id>
                      <mirrorOf>*</mirrorOf>
                      <url>%s</url>
                    </mirror>
                  </mirrors>
                </settings>
                """.formatted(Path.of(System.getProperty("it.userRepository")).toUri()));
    }

    @Test
    void aNewProjectPassesMvnVerifyAndReportsEachTestBlock() throws Exception {
        Path project = newProject("fresh-kernel");
        MavenRun verify = maven(project, "verify");
        assertEquals(0, verify.exitStatus(), verify.log());
        String report = Files.readString(project.resolve("target/surefire-reports/TEST-fresh-kernel.elf.xml"));
        String javaReport = Files.readString(project.resolve("target/surefire-reports/TEST-FreshKernelTest.xml"));
        assertAll(
                () -> assertTrue(report.contains("<testcase name=\"the counter starts at its start parameter\""),
                        report),
                () -> assertTrue(report.contains("<testcase name=\"the counter steps by its step\""), report),
                () -> assertTrue(javaReport.contains("tests=\"1\"") && javaReport.contains("failures=\"0\""),
                        javaReport),
                () -> assertTrue(verify.log().contains("Tests run: 2, Failures: 0"), verify.log()),
                () -> assertTrue(verify.log().contains("Runner CPU core: Unicorn 2."), verify.log()));
    }

    /** docs/junit.md's pom reports dynamic tests by their names without reporter options: Surefire says so. */
    @Test
    void surefireReportsTheImagesTestsFromJUnitByTheirBlockNames() throws Exception {
        Path project = newProject("junit-kernel");
        Files.writeString(project.resolve("src/test/java/BlocksTest.java"), """
                import java.nio.file.Path;
                import java.util.stream.Stream;
                import org.junit.jupiter.api.DynamicTest;
                import org.junit.jupiter.api.TestFactory;
                import org.quaject.runner.junit.ImageTests;

                class BlocksTest {
                    @TestFactory
                    Stream<DynamicTest> blocks() {
                        return ImageTests.of(Path.of("target/images/junit-kernel.elf"));
                    }
                }
                """);
        MavenRun test = maven(project, "test");
        assertEquals(0, test.exitStatus(), test.log());
        String report = Files.readString(project.resolve("target/surefire-reports/TEST-BlocksTest.xml"));
        assertAll(
                () -> assertTrue(report.contains(
                        "<testcase name=\"the counter starts at its start parameter\" classname=\"blocks()\""),
                        report),
                () -> assertTrue(report.contains("<testcase name=\"the counter steps by its step\" classname=\"blocks()\""),
                        report));
    }

    @Test
    void aFailingTestBlockFailsTheBuildWithItsReason() throws Exception {
        Path project = newProject("failing-kernel");
        Path kernel = project.resolve("src/main/qj/failing-kernel.qj");
        Files.writeString(kernel, Files.readString(kernel).replace("cmp.l   #12,d0", "cmp.l   #13,d0"));
        // On Debian's core, chosen in the pom as a user would.
        Path pom = project.resolve("pom.xml");
        String plugin = "<artifactId>qj-maven-plugin</artifactId>\n        <version>${qj.version}</version>\n";
        Files.writeString(pom, Files.readString(pom).replace(plugin,
                plugin + "        <configuration><cpuCore>debian</cpuCore></configuration>\n"));
        MavenRun test = maven(project, "test");
        String report = Files.readString(project.resolve("target/surefire-reports/TEST-failing-kernel.elf.xml"));
        assertAll(
                () -> assertNotEquals(0, test.exitStatus(), test.log()),
                () -> assertTrue(test.log().contains("Runner CPU core: Unicorn 2.0.1"), test.log()),
                () -> assertTrue(test.log().contains(
                        "failing-kernel.elf 'the counter steps by its step': counter did not step from 10 to 12"),
                        test.log()),
                () -> assertTrue(test.log().contains("There are test failures: 1 of 2 test blocks failed"),
                        test.log()),
                () -> assertTrue(report.contains("<failure message=\"counter did not step from 10 to 12\""),
                        report));
    }

    @Test
    void aSecondBuildCompilesNothingUntilTheKernelChanges() throws Exception {
        Path project = newProject("incremental-kernel");
        MavenRun first = maven(project, "compile");
        MavenRun second = maven(project, "compile");
        Path kernel = project.resolve("src/main/qj/incremental-kernel.qj");
        Files.setLastModifiedTime(kernel, FileTime.from(Instant.now().plusSeconds(5)));
        MavenRun afterAChange = maven(project, "compile");
        assertAll(
                () -> assertTrue(first.log().contains("Compiling 1 of 1 kernel into"), first.log()),
                () -> assertTrue(second.log().contains("Nothing to compile: 1 kernel is up to date"), second.log()),
                () -> assertTrue(afterAChange.log().contains(
                        "incremental-kernel.qj: changed since its image was written: " + kernel), afterAChange.log()),
                () -> assertTrue(afterAChange.log().contains("Compiling 1 of 1 kernel into"), afterAChange.log()));
    }

    /**
     * The command lines docs/maven.md gives as examples of choosing what
     * runs, as printed, in a new project: one test block, preemption seeds
     * with contention, QEMU, and skipping the tests.
     */
    @Test
    void theDocsExampleCommandLinesWorkAsPrinted() throws Exception {
        List<List<String>> examples = docsExamples();
        assertEquals(4, examples.size(), examples::toString);
        Path project = newProject("docs-kernel");
        Path reports = project.resolve("target/surefire-reports");

        MavenRun only = maven(project, examples.get(0));
        assertEquals(0, only.exitStatus(), only.log());
        String onlyReport = Files.readString(reports.resolve("TEST-docs-kernel.elf.xml"));
        assertAll(
                () -> assertTrue(onlyReport.contains("<testcase name=\"the counter steps by its step\""), onlyReport),
                () -> assertFalse(onlyReport.contains("the counter starts at its start parameter"), onlyReport));

        MavenRun preempted = maven(project, examples.get(1));
        assertEquals(0, preempted.exitStatus(), preempted.log());
        for (String seed : List.of("1", "2", "3")) {
            assertTrue(Files.exists(reports.resolve("TEST-docs-kernel.elf-preempt-" + seed + ".xml")),
                    () -> "no report for seed " + seed + ":\n" + preempted.log());
        }

        MavenRun onQemu = maven(project, examples.get(2));
        assertEquals(0, onQemu.exitStatus(), onQemu.log());

        MavenRun skipped = maven(project, examples.get(3));
        assertAll(
                () -> assertEquals(0, skipped.exitStatus(), skipped.log()),
                () -> assertTrue(skipped.log().contains("Tests are skipped."), skipped.log()));
    }

    /** The {@code mvn} lines of docs/maven.md's block after "For example:", as argument lists. */
    private static List<List<String>> docsExamples() throws IOException {
        String doc = Files.readString(Path.of("..", "docs", "maven.md"));
        String block = doc.substring(doc.indexOf("```sh\n", doc.indexOf("For example:")) + "```sh\n".length());
        block = block.substring(0, block.indexOf("```"));
        return block.lines().filter(line -> line.startsWith("mvn ")).map(line -> shellWords(line.substring(4)))
                .toList();
    }

    /** Words as a shell splits them, with double quotes grouping. */
    private static List<String> shellWords(String line) {
        List<String> words = new ArrayList<>();
        Matcher word = Pattern.compile("(?:[^\\s\"]+|\"[^\"]*\")+").matcher(line);
        while (word.find()) {
            words.add(word.group().replace("\"", ""));
        }
        return words;
    }

    private static Path newProject(String name) throws IOException {
        Path project = WORK.resolve(name);
        deleteTree(project);
        StringWriter out = new StringWriter();
        int status = Qj.execute(new String[] {"new", project.toString()}, new PrintWriter(out), new PrintWriter(out));
        assertEquals(0, status, out.toString());
        return project;
    }

    private static MavenRun maven(Path project, String phase) throws IOException, InterruptedException {
        return maven(project, List.of(phase));
    }

    /** Maven with {@code arguments} as a user types them after {@code mvn}, phase first. */
    private static MavenRun maven(Path project, List<String> arguments) throws IOException, InterruptedException {
        String phase = arguments.get(0);
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("maven.home"), "bin", "mvn").toString(), "-B", "-ntp",
                "-s", SETTINGS.toString(),
                "-Dmaven.repo.local=" + System.getProperty("it.repository")));
        command.addAll(arguments);
        Path log = Files.createTempFile(WORK, project.getFileName() + "-" + phase + "-", ".log");
        Process maven = new ProcessBuilder(command).directory(project.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
                .start();
        if (!maven.waitFor(BUILD_MINUTES, TimeUnit.MINUTES)) {
            maven.destroyForcibly().waitFor();
            throw new AssertionError("mvn " + phase + " in " + project + " took over " + BUILD_MINUTES
                    + " minutes:\n" + Files.readString(log));
        }
        return new MavenRun(maven.exitValue(), Files.readString(log));
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
