package org.quaject.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code qj new}: a new Maven project with a kernel, its tests and a Java test. */
@Command(name = "new",
        mixinStandardHelpOptions = true,
        header = "Create a Maven project with a kernel, test blocks and a JUnit test, ready for mvn verify.",
        description = {
            "Write the folder NAME with:",
            "  pom.xml                      builds and tests the kernel with qj-maven-plugin (docs/maven.md)",
            "  src/main/qj/NAME.qj          a kernel with a quaject and two test blocks",
            "  src/test/java/NameTest.java  a JUnit 5 test that boots the image with GuestSession",
            "  README.md                    how to build and test it",
            "The pom uses this toolchain's version, whose artifacts mvn install in its checkout puts in the"
                    + " local Maven repository. NAME may be a path; its last part names the project, the kernel"
                    + " and the image."})
final class NewCommand implements Callable<Integer> {

    /** A name that is at once an artifactId, a file name and, with '-' made '_', a kernel's name. */
    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9]*(-[a-z0-9]+)*");

    private static final String TEMPLATES = "qj/new/";
    private static final String TOOLCHAIN_PROPERTIES = "qj/toolchain.properties";

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "NAME", description = "The project's folder; its name is lower-case letters and digits,"
            + " words joined by '-', starting with a letter (e.g. my-kernel).")
    Path folder;

    @Override
    public Integer call() throws IOException {
        String name = folder.getFileName() == null ? "" : folder.getFileName().toString();
        if (!NAME.matcher(name).matches()) {
            throw new ParameterException(spec.commandLine(), "'" + name + "' cannot name a project: use lower-case"
                    + " letters and digits, words joined by '-', starting with a letter (e.g. my-kernel)");
        }
        if (Files.exists(folder) && !isEmptyFolder(folder)) {
            throw new ParameterException(spec.commandLine(), folder + (Files.isDirectory(folder)
                    ? " already exists and is not empty: qj new writes only into a new or empty folder"
                    : " already exists and is not a folder"));
        }
        String testClass = testClass(name);
        Map<String, String> values = new LinkedHashMap<>(toolchain());
        values.put("name", name);
        values.put("kernel", name.replace('-', '_'));
        values.put("testClass", testClass);
        write("pom.xml", folder.resolve("pom.xml"), values);
        write("kernel.qj", folder.resolve("src/main/qj/" + name + ".qj"), values);
        write("KernelTest.java", folder.resolve("src/test/java/" + testClass + ".java"), values);
        write("README.md", folder.resolve("README.md"), values);
        spec.commandLine().getOut().println("qj: created " + folder + ": cd " + folder + " && mvn verify");
        return ExitStatus.SUCCESS;
    }

    private static boolean isEmptyFolder(Path path) throws IOException {
        if (!Files.isDirectory(path)) {
            return false;
        }
        try (Stream<Path> entries = Files.list(path)) {
            return entries.findAny().isEmpty();
        }
    }

    /** my-kernel: MyKernelTest. */
    private static String testClass(String name) {
        StringBuilder className = new StringBuilder();
        for (String word : name.split("-")) {
            className.append(Character.toUpperCase(word.charAt(0))).append(word.substring(1));
        }
        return className.append("Test").toString();
    }

    /** The versions the compiler was built with: its own, JUnit's and the build plugins'. */
    private static Map<String, String> toolchain() {
        Properties properties = new Properties();
        try (InputStream in = resource(TOOLCHAIN_PROPERTIES)) {
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> values = new LinkedHashMap<>();
        properties.stringPropertyNames().forEach(key -> values.put(key, properties.getProperty(key)));
        return values;
    }

    /** Writes a template with each {{key}} replaced by its value. */
    private static void write(String template, Path file, Map<String, String> values) throws IOException {
        String text;
        try (InputStream in = resource(TEMPLATES + template)) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        for (Map.Entry<String, String> value : values.entrySet()) {
            text = text.replace("{{" + value.getKey() + "}}", value.getValue());
        }
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    private static InputStream resource(String name) throws IOException {
        InputStream in = NewCommand.class.getClassLoader().getResourceAsStream(name);
        if (in == null) {
            throw new IOException("the compiler was built without " + name);
        }
        return in;
    }
}
