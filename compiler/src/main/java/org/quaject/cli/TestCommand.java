package org.quaject.cli;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.quaject.compiler.image.OutputFiles;
import org.quaject.runner.JUnitXmlReport;
import org.quaject.runner.RunResult;
import org.quaject.runner.TapReport;
import org.quaject.runner.TestResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code qj test}: run the tests inside an image and report them in TAP. */
@Command(name = "test",
        mixinStandardHelpOptions = true,
        header = "Run the tests inside an image and report them in TAP.",
        description = {
            "Boot an image (or a .qj file, compiled first) in test mode, feed it the console input its "
                    + "tests declare, and print each test as a TAP line the moment it ends, the rest of the "
                    + "console as TAP comments, then 'N passed, N failed'. Exit status 0 only if every test "
                    + "passed and the image halted normally."})
final class TestCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "FILE.qj|IMAGE.elf|IMAGE.img", description = "The kernel or image whose tests to run.")
    Path image;

    @Mixin
    EngineOptions engineOptions;

    @Option(names = "--junit-xml", paramLabel = "FILE",
            description = "Also write the results to FILE as a JUnit XML report, the form Maven Surefire writes"
                    + " and CI servers read: a test case per test block, named after it. A run that cannot start"
                    + " leaves no FILE (an old one is removed).")
    Path junitXml;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (junitXml != null && !removeStaleReport(err)) {
            return ExitStatus.FAILURE;
        }
        TapStream tap = new TapStream(out);
        Optional<EngineOptions.Boot> boot = engineOptions.boot(image, true, EngineOptions.Limits.TEST,
                info -> new ByteArrayInputStream(info.consoleInput()), tap::locatingWith, err);
        if (boot.isEmpty()) {
            return ExitStatus.FAILURE;
        }
        RunResult result = boot.get().result();
        tap.finish(result.transcript());
        boot.get().reportContention(err);
        TapReport reported = TapReport.parse(result.transcript());
        boolean halted = boot.get().halted();
        TapReport report = halted ? reported : reported.complete(result.summary());
        report.results().subList(reported.results().size(), report.results().size())
                .forEach(r -> out.println(r.toTapLine()));
        if (!halted) {
            result.detail().lines().forEach(line -> out.println("# " + line));
        }
        long passed = report.results().stream().filter(TestResult::passed).count();
        long failed = report.results().size() - passed;
        out.println(passed + " passed, " + failed + " failed");
        boolean planKept = report.plannedCount().isPresent()
                && report.plannedCount().getAsInt() == report.results().size();
        if (!planKept) {
            err.println("qj: the image did not report the test plan it announced");
        }
        if (junitXml != null && !writeReport(report, new String(result.transcript(), StandardCharsets.UTF_8), err)) {
            return ExitStatus.FAILURE;
        }
        return failed == 0 && halted && planKept && result.processExitCode() == 0
                ? ExitStatus.SUCCESS
                : ExitStatus.FAILURE;
    }

    private boolean removeStaleReport(PrintWriter err) {
        try {
            Files.deleteIfExists(junitXml);
            return true;
        } catch (IOException e) {
            err.println("qj: error: cannot remove the old report " + junitXml + ": " + e.getMessage());
            return false;
        }
    }

    /** Writes the report whole or not at all; the suite is named after the image, without its extension. */
    private boolean writeReport(TapReport report, String console, PrintWriter err) {
        String suite = image.getFileName().toString().replaceFirst("\\.[^.]*$", "");
        try {
            Path written = Files.createTempFile("qj-junit-", ".xml");
            try {
                Files.writeString(written, JUnitXmlReport.of(suite, report.results(), console));
                new OutputFiles().add(written, junitXml).commit();
            } finally {
                Files.deleteIfExists(written);
            }
            return true;
        } catch (IOException e) {
            err.println("qj: error: cannot write the report " + junitXml + ": " + e.getMessage());
            return false;
        }
    }
}
