package org.quaject.cli;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.SequenceInputStream;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.quaject.runner.RunResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code qj run}: boot an image with the console on standard input and output. */
@Command(name = "run",
        mixinStandardHelpOptions = true,
        header = "Boot an image with its console on standard input and output.",
        description = {
            "Boot an image (or a .qj file, compiled first) and connect its console to standard input "
                    + "and output. Standard output carries the console's bytes and nothing else; messages from qj "
                    + "go to standard error. When standard input ends, the console receives one EOT byte (Ctrl-D, "
                    + "0x04), as from a terminal.",
            "The exit status is the one the image reports; an image that reports none exits 0 when it "
                    + "halts and 3 when it panics or runs out of time."})
final class RunCommand implements Callable<Integer> {

    /** What a terminal sends for end of input; the console has no other way to learn it. */
    static final byte END_OF_TRANSMISSION = 0x04;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "IMAGE.elf|IMAGE.img|FILE.qj",
            description = "The image to boot (an .img boots from its disk through the boot loader), "
                    + "or a kernel to compile and boot.")
    Path image;

    @Mixin
    EngineOptions engineOptions;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        InputStream input = new SequenceInputStream(System.in,
                new ByteArrayInputStream(new byte[] {END_OF_TRANSMISSION}));
        Optional<EngineOptions.Boot> boot = engineOptions.boot(image, false, EngineOptions.Limits.NONE,
                info -> input, locator -> System.out, err);
        System.out.flush();
        if (boot.isEmpty()) {
            return ExitStatus.FAILURE;
        }
        RunResult result = boot.get().result();
        boot.get().reportContention(err);
        boot.get().crashLocations().forEach((report, where) -> {
            err.println("qj: " + report.exception() + ":");
            where.forEach(err::println);
        });
        if (!boot.get().halted() && result.exitStatus().isEmpty()) {
            err.println("qj: " + result.detail());
        }
        return result.processExitCode();
    }
}
