package org.quaject.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.quaject.compiler.Compiler;
import org.quaject.compiler.image.OutputFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code qj build}: compile a kernel into its image files. */
@Command(name = "build",
        mixinStandardHelpOptions = true,
        header = "Compile a .qj kernel into an image (OUT.elf, OUT.rom, OUT.map, OUT.img).",
        description = {
            "Compile a .qj kernel into an image for the virt68030 board:",
            "  OUT.elf  the image, with symbols and a .qj line table",
            "  OUT.rom  the loaded bytes as one raw image",
            "  OUT.map  where every quaject, callentry, field and hole ended up",
            "  OUT.img  the image as a bootable disk with the kernel's data area (docs/disk-image.md);",
            "           qj run OUT.img boots it through the boot loader",
            "On any error none of them is written, and stale ones from an earlier build are removed."})
final class BuildCommand implements Callable<Integer> {

    /** The extensions of the outputs; an OUT given with one of them is taken without it. */
    static final List<String> OUTPUT_EXTENSIONS = List.of(".elf", ".rom", ".map", ".img");

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "FILE.qj", description = "The kernel's main source file.")
    Path source;

    @Option(names = {"-o", "--output"}, paramLabel = "OUT",
            description = "Output path without extension (default: the source's name in the current directory).")
    Path output;

    @Option(names = "--work-dir", paramLabel = "DIR",
            description = "Keep the generated assembly, objects and linker files in DIR.")
    Path workDir;

    @Option(names = {"-v", "--verbose"}, description = "Print each phase as it runs.")
    boolean verbose;

    @Override
    public Integer call() throws IOException {
        Path base = outputBase();
        Path elf = withExtension(base, ".elf");
        Path rom = withExtension(base, ".rom");
        Path map = withExtension(base, ".map");
        Path diskImage = withExtension(base, ".img");
        try (Workspace workspace = Workspace.open(workDir)) {
            Optional<Compiler.Build> build = CompileStep.compile(source, workspace, verbose, spec.commandLine().getErr());
            if (build.isEmpty()) {
                for (Path stale : List.of(elf, rom, map, diskImage)) {
                    Files.deleteIfExists(stale);
                }
                return ExitStatus.FAILURE;
            }
            new OutputFiles()
                    .add(build.get().elf(), elf)
                    .add(build.get().rom(), rom)
                    .add(build.get().map(), map)
                    .add(build.get().diskImage(), diskImage)
                    .commit();
            if (verbose) {
                spec.commandLine().getErr().println("qj: wrote " + elf + ", " + rom + ", " + map + ", " + diskImage);
            }
            return ExitStatus.SUCCESS;
        }
    }

    private Path outputBase() {
        Path given = output != null ? output : Path.of(source.getFileName().toString().replaceAll("\\.qj$", ""));
        String name = given.getFileName().toString();
        for (String extension : OUTPUT_EXTENSIONS) {
            if (name.endsWith(extension)) {
                return given.resolveSibling(name.substring(0, name.length() - extension.length()));
            }
        }
        return given;
    }

    private static Path withExtension(Path base, String extension) {
        return base.resolveSibling(base.getFileName() + extension);
    }
}
