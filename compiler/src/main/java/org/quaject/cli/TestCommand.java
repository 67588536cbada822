package org.quaject.cli;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.quaject.compiler.image.OutputFiles;
import org.quaject.runner.JUnitXmlReport;
import org.quaject.runner.RunProgress;
import org.quaject.runner.RunResult;
import org.quaject.runner.TapReport;
import org.quaject.runner.TestResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
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

    @Parameters(arity = "1..*", paramLabel = "FILE.qj|IMAGE.elf|IMAGE.img|FOLDER",
            description = "The kernels or images whose tests to run. A folder stands for its images (.elf, .img)"
                    + " and its .qj files that declare a kernel.")
    List<Path> arguments;

    @Mixin
    EngineOptions engineOptions;

    @Option(names = "--junit-xml", paramLabel = "FILE|FOLDER",
            description = "Also write the results as JUnit XML reports, the form Maven Surefire writes and CI"
                    + " servers read: a test case per test block, named after it. For one image, to FILE; for"
                    + " several, to FOLDER/TEST-NAME.xml each. A run that cannot start leaves no report (an old"
                    + " one is removed).")
    Path junitXml;

    @Option(names = "--only", paramLabel = "NAME",
            description = "Run only the test block named NAME (test \"NAME\" { ... }), with the console input it"
                    + " declares. The image itself skips the other tests (boot command line qj.only=N), so this"
                    + " works alike on every engine; the TAP holds the plan 1..1 and the test as 'ok 1 - NAME'."
                    + " One image only, not a disk image (.img); a NAME the image has no test of is an error"
                    + " that lists its tests.")
    String only;

    @Mixin
    ProgressOptions progressOptions;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        List<Path> targets = TestTargets.of(arguments, err);
        if (targets.isEmpty()) {
            return ExitStatus.FAILURE;
        }
        if (only != null && (targets.size() != 1 || Files.isDirectory(arguments.get(0)))) {
            throw new ParameterException(spec.commandLine(),
                    "--only needs one image or .qj file: a test name belongs to one kernel");
        }
        if (targets.size() == 1 && !Files.isDirectory(arguments.get(0))) {
            return test(targets.get(0), junitXml, out, err).exitStatus();
        }
        Totals totals = new Totals();
        for (Path target : targets) {
            out.println("# " + target);
            totals.add(test(target, junitXml == null ? null : junitXml.resolve(reportName(target)), out, err));
        }
        out.println(targets.size() + " images: " + totals.passed + " passed, " + totals.failed + " failed");
        return totals.allPassed ? ExitStatus.SUCCESS : ExitStatus.FAILURE;
    }

    /** What testing one image came to. */
    private record ImageResult(long passed, long failed, int exitStatus) {
    }

    private static final class Totals {
        long passed;
        long failed;
        boolean allPassed = true;

        void add(ImageResult outcome) {
            passed += outcome.passed();
            failed += outcome.failed();
            allPassed &= outcome.exitStatus() == ExitStatus.SUCCESS;
        }
    }

    /** A report's file name, as Surefire names them, with the image's whole file name: hello.elf and hello.img both. */
    private static String reportName(Path target) {
        return "TEST-" + target.getFileName() + ".xml";
    }

    /** The image's file name without its extension. */
    private static String suiteName(Path target) {
        return target.getFileName().toString().replaceFirst("\\.[^.]*$", "");
    }

    /** Tests one image, printing its TAP; {@code reportFile}, if not null, gets its JUnit XML report. */
    private ImageResult test(Path image, Path reportFile, PrintWriter out, PrintWriter err) {
        if (reportFile != null && !removeStaleReport(reportFile, err)) {
            return new ImageResult(0, 0, ExitStatus.FAILURE);
        }
        TapStream tap = new TapStream(out);
        Optional<ProgressReport> progress = progressOptions.start(err);
        progress.ifPresent(report -> tap.tellingLinesTo(report::tapLine));
        Optional<EngineOptions.Boot> boot;
        try {
            boot = engineOptions.boot(image, true, Optional.ofNullable(only),
                    progress.<RunProgress>map(report -> report).orElse(RunProgress.NONE), EngineOptions.Limits.TEST,
                    info -> new ByteArrayInputStream(info.consoleInput()), tap::locatingWith, err);
        } finally {
            progress.ifPresent(ProgressReport::close);
        }
        if (boot.isEmpty()) {
            return new ImageResult(0, 0, ExitStatus.FAILURE);
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
        if (reportFile != null && !writeReport(image, reportFile, report,
                new String(result.transcript(), StandardCharsets.UTF_8), err)) {
            return new ImageResult(passed, failed, ExitStatus.FAILURE);
        }
        return new ImageResult(passed, failed, failed == 0 && halted && planKept && result.processExitCode() == 0
                ? ExitStatus.SUCCESS
                : ExitStatus.FAILURE);
    }

    private static boolean removeStaleReport(Path reportFile, PrintWriter err) {
        try {
            Files.deleteIfExists(reportFile);
            return true;
        } catch (IOException e) {
            err.println("qj: error: cannot remove the old report " + reportFile + ": " + e.getMessage());
            return false;
        }
    }

    /** Writes the report whole or not at all; the suite is named after the image, without its extension. */
    private static boolean writeReport(Path image, Path reportFile, TapReport results, String console,
                                       PrintWriter err) {
        try {
            Path written = Files.createTempFile("qj-junit-", ".xml");
            try {
                Files.writeString(written, JUnitXmlReport.of(suiteName(image), results.results(), console));
                new OutputFiles().add(written, reportFile).commit();
            } finally {
                Files.deleteIfExists(written);
            }
            return true;
        } catch (IOException e) {
            err.println("qj: error: cannot write the report " + reportFile + ": " + e.getMessage());
            return false;
        }
    }
}
