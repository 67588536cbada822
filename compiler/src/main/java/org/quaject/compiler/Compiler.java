package org.quaject.compiler;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.quaject.compiler.assemble.Assembler;
import org.quaject.binutils.Toolchain;
import org.quaject.compiler.check.Checker;
import org.quaject.compiler.diag.Diagnostics;
import org.quaject.compiler.diag.Position;
import org.quaject.compiler.diag.SourceFile;
import org.quaject.compiler.generate.KernelGenerator;
import org.quaject.compiler.generate.QuajectTemplateGenerator;
import org.quaject.compiler.image.BundledFiles;
import org.quaject.compiler.image.DiskImage;
import org.quaject.compiler.link.ImageLinker;
import org.quaject.compiler.link.InlineBodies;
import org.quaject.compiler.link.LinkMap;
import org.quaject.compiler.link.TemplateObject;
import org.quaject.compiler.model.Board;
import org.quaject.compiler.model.Callentry;
import org.quaject.compiler.model.Kernel;
import org.quaject.compiler.model.Program;
import org.quaject.compiler.model.QuajectClass;
import org.quaject.compiler.parse.ModelBuilder;
import org.quaject.compiler.parse.SourceLoader;
import org.quaject.elf.ElfFile;
import org.quaject.elf.ElfFormatException;
import org.quaject.elf.Segment;
import org.quaject.runner.ImageInfo;

/**
 * The compiler's driver: parse, build the model, check it, generate assembly,
 * assemble, link. Each phase reports all its errors; the next runs only if there
 * were none ({@link org.quaject.compiler.diag.CompilationFailed} stops the build).
 */
public final class Compiler {

    /** The files of a built image, in the work directory. */
    public record Build(Path elf, Path rom, Path map, Path diskImage, Diagnostics diagnostics) {
    }

    private final Consumer<String> progress;

    /** @param progress receives one line per phase, for users who asked to see them */
    public Compiler(Consumer<String> progress) {
        this.progress = progress;
    }

    /**
     * Compiles {@code source} into an image in {@code work} (which must exist and
     * may be a temporary directory). Generated sources and objects stay there.
     */
    public Build compile(Path source, Path workDirectory) {
        Path work = workDirectory.toAbsolutePath();
        Diagnostics diagnostics = new Diagnostics();
        progress.accept("parse " + source);
        List<SourceLoader.ParsedFile> files = new SourceLoader(diagnostics).load(source);
        diagnostics.stopIfErrors();
        Program program = new ModelBuilder(diagnostics).build(files);
        diagnostics.stopIfErrors();
        progress.accept("check");
        Checker.check(program, diagnostics);
        diagnostics.stopIfErrors();

        Toolchain toolchain = Toolchain.locate();
        Assembler assembler = new Assembler(toolchain, work);
        Map<String, SourceFile> sources = new LinkedHashMap<>();
        files.forEach(f -> sources.put(f.source().displayName(), f.source()));

        progress.accept("generate and assemble " + program.classes().size() + " quaject templates");
        QuajectTemplateGenerator templateGenerator = new QuajectTemplateGenerator(program);
        Map<QuajectClass, Path> templateObjects = new LinkedHashMap<>();
        for (QuajectClass quaject : program.classes()) {
            Path asm = write(work.resolve(QuajectTemplateGenerator.fileName(quaject, ".s")),
                    templateGenerator.generate(quaject));
            Path object = work.resolve(QuajectTemplateGenerator.fileName(quaject, ".o"));
            if (assembler.assemble(asm, object, sources, quaject.name().position(), diagnostics)) {
                templateObjects.put(quaject, object);
            }
        }
        progress.accept("generate and assemble the kernel");
        List<Path> objects = new ArrayList<>();
        Path kernelAsm = write(work.resolve(KernelGenerator.FILE_NAME), new KernelGenerator().generate(program));
        Path kernelObject = work.resolve("kernel.o");
        Position kernelPosition = program.kernel().name().position();
        if (assembler.assemble(kernelAsm, kernelObject, sources, kernelPosition, diagnostics)) {
            objects.add(kernelObject);
        }
        diagnostics.stopIfErrors();

        Map<QuajectClass, TemplateObject> templates = new LinkedHashMap<>();
        templateObjects.forEach((quaject, object) -> templates.put(quaject, TemplateObject.read(object, quaject,
                inlineBodies(quaject, templateGenerator, assembler, toolchain, work, sources, diagnostics),
                diagnostics)));
        diagnostics.stopIfErrors();

        progress.accept("assemble boot code and runtime");
        Path linkerScript = null;
        for (Path bundled : extractBundled(work)) {
            if (bundled.toString().endsWith(".ld")) {
                linkerScript = bundled;
                continue;
            }
            Path object = Path.of(bundled.toString().replaceAll("\\.s$", ".o"));
            assembler.assemble(bundled, object, Map.of(), null, diagnostics);
            objects.add(object);
        }

        progress.accept("link");
        ImageLinker.Linked linked = new ImageLinker(toolchain, assembler)
                .link(program, templates, objects, linkerScript, work, sources, diagnostics);
        diagnostics.stopIfErrors();
        checkFitsInRam(program, linked.elf(), diagnostics);
        diagnostics.stopIfErrors();

        Path map = work.resolve("image.map");
        LinkMap.write(program, templates, linked.elf(), linked.linkerMap(), map);
        Path diskImage = work.resolve("image.img");
        writeDiskImage(program.kernel(), linked.elf(), diskImage);
        return new Build(linked.elf(), linked.rom(), map, diskImage, diagnostics);
    }

    /**
     * The lengths of a class's inline callentries, from its template assembled
     * with each of them apart; problems an inlined copy would have are reported.
     */
    private static Map<String, Integer> inlineBodies(QuajectClass quaject, QuajectTemplateGenerator generator,
                                                     Assembler assembler, Toolchain toolchain, Path work,
                                                     Map<String, SourceFile> sources, Diagnostics diagnostics) {
        if (quaject.callentries().stream().noneMatch(Callentry::inline)) {
            return Map.of();
        }
        String name = QuajectTemplateGenerator.fileName(quaject, QuajectTemplateGenerator.ISOLATED_SUFFIX);
        Path asm = write(work.resolve(name + ".s"), generator.generateIsolated(quaject));
        Path object = work.resolve(name + ".o");
        if (!assembler.assemble(asm, object, sources, quaject.name().position(), diagnostics)) {
            return Map.of();
        }
        return InlineBodies.read(object, quaject, toolchain, diagnostics);
    }

    /** Boot code and linker script (boot/), then the runtime (runtime-m68k/), copied into the work directory. */
    private static List<Path> extractBundled(Path work) {
        List<Path> files = new ArrayList<>();
        Path boot = createDirectory(work.resolve("boot"));
        Path runtime = createDirectory(work.resolve("runtime-m68k"));
        files.addAll(BundledFiles.extract("qj/boot", boot, ".s", ".ld"));
        files.addAll(BundledFiles.extract("qj/runtime", runtime, ".s"));
        return files;
    }

    /** The image as a bootable disk (docs/disk-image.md): the ELF's loaded bytes, then the data area. */
    private static void writeDiskImage(Kernel kernel, Path elfPath, Path diskImage) {
        try {
            ElfFile elf = ElfFile.read(elfPath);
            List<DiskImage.Segment> segments = new ArrayList<>();
            long end = 0;
            for (Segment segment : elf.segments()) {
                if (segment.isLoad() && segment.memorySize() > 0) {
                    segments.add(new DiskImage.Segment(segment.physicalAddress(), elf.contents(segment)));
                    end = Math.max(end, segment.physicalAddress() + segment.memorySize());
                }
            }
            ImageInfo info = ImageInfo.of(elf);
            DiskImage.write(diskImage, elf.entry(), end, Board.ramBytes(kernel), segments, info.consoleInput(),
                    info.devices(), Board.diskBytes(kernel));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ElfFormatException e) {
            throw new UncheckedIOException(new IOException("cannot read the linked image: " + e.getMessage(), e));
        }
    }

    private static void checkFitsInRam(Program program, Path elfPath, Diagnostics diagnostics) {
        long ram = Board.ramBytes(program.kernel());
        try {
            long end = ElfFile.read(elfPath).symbol("_end").map(s -> s.value()).orElse(0L);
            if (end > ram) {
                diagnostics.error(program.kernel().ram().map(r -> r.position()).orElse(program.kernel().name().position()),
                        "the image needs %d KiB of RAM but kernel %s has %d KiB", (end + 1023) / 1024,
                        program.kernel().name(), ram / 1024);
            }
        } catch (IOException | ElfFormatException e) {
            throw new UncheckedIOException(new IOException("cannot read the linked image: " + e.getMessage(), e));
        }
    }

    private static Path createDirectory(Path dir) {
        try {
            return Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path write(Path path, String text) {
        try {
            return Files.writeString(path, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
