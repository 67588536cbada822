package org.quaject.cli;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.quaject.compiler.testing.QjCommandLine;

/**
 * {@code qj new}: the project it writes, and its usage errors. That the
 * project passes {@code mvn verify} is maven-plugin's NewProjectIT.
 */
class NewCommandTest {

    @TempDir
    Path directory;

    @Test
    void writesThePomTheKernelTheJavaTestAndTheReadme() throws IOException {
        Path project = directory.resolve("my-kernel");
        QjCommandLine.Result result = QjCommandLine.run("new", project);
        assertEquals(0, result.status(), result::toString);
        List<Path> files;
        try (Stream<Path> walk = Files.walk(project)) {
            files = walk.filter(Files::isRegularFile).map(project::relativize).sorted().toList();
        }
        String pom = Files.readString(project.resolve("pom.xml"));
        String kernel = Files.readString(project.resolve("src/main/qj/my-kernel.qj"));
        String test = Files.readString(project.resolve("src/test/java/MyKernelTest.java"));
        assertAll(
                () -> assertEquals(List.of(Path.of("README.md"), Path.of("pom.xml"),
                        Path.of("src/main/qj/my-kernel.qj"), Path.of("src/test/java/MyKernelTest.java")), files),
                () -> assertTrue(result.out().contains("qj: created " + project), result::toString),
                () -> assertTrue(pom.contains("<artifactId>my-kernel</artifactId>"), pom),
                () -> assertTrue(pom.contains("<qj.version>0.1.0-SNAPSHOT</qj.version>"), pom),
                () -> assertTrue(pom.contains("<artifactId>qj-maven-plugin</artifactId>"), pom),
                () -> assertTrue(kernel.contains("kernel my_kernel {"), kernel),
                () -> assertTrue(test.contains("class MyKernelTest {"), test),
                () -> assertTrue(test.contains("Path.of(\"target/images/my-kernel.elf\")"), test));
        for (Path file : files) {
            String text = Files.readString(project.resolve(file));
            assertFalse(text.contains("{{") || text.contains("${project.version}"), file + " keeps a placeholder:\n" + text);
        }
    }

    /** docs/maven.md shows a user's whole pom: the one qj new my-kernel writes, to the letter. */
    @Test
    void theDocsShowThePomItWrites() throws IOException {
        Path project = directory.resolve("my-kernel");
        QjCommandLine.run("new", project);
        String doc = Files.readString(Path.of("../docs/maven.md"));
        String section = doc.substring(doc.indexOf("## A project's pom, whole"));
        String shown = section.substring(section.indexOf("```xml\n") + "```xml\n".length(), section.indexOf("```\n\n"));
        assertEquals(Files.readString(project.resolve("pom.xml")), shown);
    }

    @Test
    void theKernelItWritesPassesItsTests() {
        Path project = directory.resolve("tested");
        QjCommandLine.run("new", project);
        QjCommandLine.Result test = QjCommandLine.run("test", project.resolve("src/main/qj/tested.qj"));
        assertAll(
                () -> assertEquals(0, test.status(), test::toString),
                () -> assertTrue(test.out().contains("2 passed, 0 failed"), test::toString));
    }

    @Test
    void writesIntoAnEmptyFolder() throws IOException {
        Path project = Files.createDirectory(directory.resolve("empty"));
        QjCommandLine.Result result = QjCommandLine.run("new", project);
        assertEquals(0, result.status(), result::toString);
        assertTrue(Files.isRegularFile(project.resolve("src/main/qj/empty.qj")));
    }

    @Test
    void aFolderThatIsNotEmptyIsAUsageErrorAndIsLeftAlone() throws IOException {
        Path project = Files.createDirectory(directory.resolve("taken"));
        Files.writeString(project.resolve("notes.txt"), "mine");
        QjCommandLine.Result result = QjCommandLine.run("new", project);
        assertAll(
                () -> assertEquals(ExitStatus.USAGE, result.status(), result::toString),
                () -> assertTrue(result.err().contains(project + " already exists and is not empty: qj new writes"
                        + " only into a new or empty folder"), result::toString),
                () -> assertFalse(Files.exists(project.resolve("pom.xml"))));
    }

    @Test
    void aFileOfThatNameIsAUsageError() throws IOException {
        Path file = Files.writeString(directory.resolve("kernel"), "mine");
        QjCommandLine.Result result = QjCommandLine.run("new", file);
        assertAll(
                () -> assertEquals(ExitStatus.USAGE, result.status(), result::toString),
                () -> assertTrue(result.err().contains(file + " already exists and is not a folder"), result::toString));
    }

    @ParameterizedTest
    @ValueSource(strings = {"MyKernel", "1kernel", "my_kernel", "kernel-", "my--kernel", "-kernel", "ker nel"})
    void aNameThatCannotNameAProjectIsAUsageError(String name) {
        QjCommandLine.Result result = QjCommandLine.run("new", directory.resolve(name));
        assertAll(
                () -> assertEquals(ExitStatus.USAGE, result.status(), result::toString),
                () -> assertTrue(result.err().contains("'" + name + "' cannot name a project: use lower-case letters"
                        + " and digits, words joined by '-', starting with a letter (e.g. my-kernel)"),
                        result::toString),
                () -> assertFalse(Files.exists(directory.resolve(name))));
    }

    @Test
    void noNameIsAUsageError() {
        QjCommandLine.Result result = QjCommandLine.run("new");
        assertAll(
                () -> assertEquals(ExitStatus.USAGE, result.status(), result::toString),
                () -> assertTrue(result.err().contains("Missing required parameter: 'NAME'"), result::toString));
    }
}
