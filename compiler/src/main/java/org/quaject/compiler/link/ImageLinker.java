package org.quaject.compiler.link;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.quaject.compiler.assemble.Assembler;
import org.quaject.binutils.Toolchain;
import org.quaject.compiler.diag.Diagnostics;
import org.quaject.compiler.diag.Position;
import org.quaject.compiler.diag.SourceFile;
import org.quaject.compiler.generate.Symbols;
import org.quaject.compiler.generate.Templates;
import org.quaject.compiler.model.Board;
import org.quaject.compiler.model.Callentry;
import org.quaject.compiler.model.Instance;
import org.quaject.compiler.model.Kernel;
import org.quaject.compiler.model.Program;
import org.quaject.compiler.model.QuajectClass;
import org.quaject.compiler.model.Slot;
import org.stringtemplate.v4.STGroup;

/**
 * Links an image: makes each static instance's object from its class's template,
 * writes the hole tables and the linker script fragments, runs the linker with
 * the boot linker script, and extracts the raw ROM image.
 */
public final class ImageLinker {

    /** The image's files in the work directory. */
    public record Linked(Path elf, Path rom, Path linkerMap) {
    }

    /** What the linker script from boot/ includes; found through -L on the work directory. */
    static final String SYMBOLS_FRAGMENT = "qj-symbols.ld";
    /** Included inside the output section of the instance blocks, so its symbols are relative to it. */
    static final String ENTRIES_FRAGMENT = "qj-entries.ld";

    private static final Pattern LINKER_PREFIX = Pattern.compile("^\\S*ld: ");
    private static final Pattern OBJECT_PREFIX = Pattern.compile("^[^\\s:]+\\.o:(?=.)");
    private static final Pattern SECTION_PREFIX = Pattern.compile("^[^\\s:]*:?\\([^)]*\\): ");

    /** {@code FILE:LINE: message} or {@code FILE:LINE:(section+offset): message}. */
    private static final Pattern IN_FUNCTION = Pattern.compile("in function `([^']*)':$");
    private static final Pattern UNDEFINED_REFERENCE = Pattern.compile("undefined reference to `([^']*)'");
    private static final Pattern SOURCE_LINE = Pattern.compile("^(.+?):(\\d+):(?:\\([^)]*\\):)? ?(.*)$");

    private final Toolchain toolchain;
    private final Assembler assembler;
    private final STGroup linkGroup = Templates.group("link");
    /** Each class's template object, read once for all its instances. */
    private final Map<Path, byte[]> templateBytes = new HashMap<>();

    public ImageLinker(Toolchain toolchain, Assembler assembler) {
        this.toolchain = toolchain;
        this.assembler = assembler;
    }

    /** A static instance as the linker script fragment describes it. */
    record InstanceBlock(String name, String kind, String className, List<InstanceSymbols.Assignment> entries,
                         List<InstanceSymbols.Assignment> members) {
    }

    /**
     * @param templates     the assembled template of every class
     * @param otherObjects  boot, runtime and kernel objects
     * @param linkerScript  boot/virt68030.ld, extracted into the work directory
     * @param sources       the .qj files by display name, to map the linker's messages back to
     * @return the image, or null when the linker reported errors
     */
    public Linked link(Program program, Map<QuajectClass, TemplateObject> templates, List<Path> otherObjects,
                       Path linkerScript, Path work, Map<String, SourceFile> sources, Diagnostics diagnostics) {
        List<Path> objects = new ArrayList<>(otherObjects);
        objects.addAll(new ClassTables(assembler).assemble(templates.values(), work));
        Kernel kernel = program.kernel();
        List<InstanceBlock> blocks = new ArrayList<>();
        List<byte[]> instanceObjects = new ArrayList<>();
        for (Instance instance : kernel.staticInstances()) {
            QuajectClass quaject = program.quajectClass(instance.className().text()).orElseThrow();
            TemplateObject template = templates.get(quaject);
            instanceObjects.add(instanceObject(instance, template));
            blocks.add(new InstanceBlock(instance.name().text(), quaject.kindName(), quaject.name().text(),
                    InstanceSymbols.entries(instance, template), InstanceSymbols.members(instance, template, kernel)));
        }
        List<byte[]> merged = instanceObjects.isEmpty() ? List.of() : ObjectMerge.merge(instanceObjects);
        for (int i = 0; i < merged.size(); i++) {
            Path object = work.resolve("instances-" + i + ".o");
            write(object, merged.get(i));
            objects.add(object);
        }
        write(work.resolve(ENTRIES_FRAGMENT), Templates.render(linkGroup, "entries", "instances", blocks));
        write(work.resolve(SYMBOLS_FRAGMENT), Templates.render(linkGroup, "symbols", "instances", blocks,
                "ramSize", InstanceSymbols.hex(Board.ramBytes(kernel))));

        Path elf = work.resolve("image.elf");
        Path linkerMap = work.resolve("ld.map");
        List<String> args = new ArrayList<>(List.of("-L", work.toString(), "-T", linkerScript.toString(),
                "-Map", linkerMap.toString(), "--no-warn-rwx-segments", "-o", elf.toString()));
        objects.forEach(o -> args.add(o.toString()));
        Toolchain.Result result = toolchain.run("ld", args, work);
        if (!result.ok()) {
            reportLinkErrors(result.stderr() + result.stdout(), work, program, sources, diagnostics);
            return null;
        }
        Path rom = work.resolve("image.rom");
        toolchain.runChecked("objcopy", List.of("-O", "binary", elf.toString(), rom.toString()), work);
        return new Linked(elf, rom, linkerMap);
    }

    /**
     * The linker names .qj lines (from the DWARF line table) in messages about
     * code written in .qj bodies; those become diagnostics at that line. A
     * class's hole table has no line table: a reference the linker cannot
     * resolve from it is reported where the class's bodies use the symbol
     * (which the class's instances, if it has any, already report).
     */
    private static void reportLinkErrors(String output, Path work, Program program, Map<String, SourceFile> sources,
                                         Diagnostics diagnostics) {
        Set<String> placed = new HashSet<>();
        Map<String, Position> fromHoleTables = new LinkedHashMap<>();
        List<String> unplaced = new ArrayList<>();
        String function = "";
        for (String line : output.strip().split("\n")) {
            Matcher inFunction = IN_FUNCTION.matcher(line);
            if (inFunction.find()) {
                function = inFunction.group(1);
                continue;
            }
            String message = Symbols.toSource(LINKER_PREFIX.matcher(line).replaceFirst("").replace(work + "/", ""));
            message = OBJECT_PREFIX.matcher(message).replaceFirst("");
            Matcher at = SOURCE_LINE.matcher(message);
            // ld joins the line table's file name to its directory, which is "." for a relative one.
            SourceFile file = at.matches() ? sources.get(at.group(1).replaceFirst("^\\./", "")) : null;
            if (file != null) {
                int lineNumber = Integer.parseInt(at.group(2));
                diagnostics.error(new Position(file, lineNumber, file.firstColumnOf(lineNumber)), "%s", at.group(3));
                placed.add(at.group(3));
                continue;
            }
            String text = SECTION_PREFIX.matcher(message).replaceFirst("");
            Optional<Position> use = useInHoleTable(function, line, program);
            if (use.isPresent()) {
                fromHoleTables.putIfAbsent(text, use.get());
            } else {
                unplaced.add(text);
            }
        }
        fromHoleTables.forEach((text, position) -> {
            if (placed.add(text)) {
                diagnostics.error(position, "%s", text);
            }
        });
        unplaced.stream().filter(m -> !placed.contains(m)).distinct()
                .forEach(m -> diagnostics.error(null, "link: %s", m));
    }

    /**
     * For an undefined reference from class C's hole table (ld's function
     * {@code C$$holes}), the first place C's bodies name the symbol.
     */
    private static Optional<Position> useInHoleTable(String function, String line, Program program) {
        Matcher undefined = UNDEFINED_REFERENCE.matcher(line);
        String className = Symbols.holeTableClass(function).orElse(null);
        if (!undefined.find() || className == null) {
            return Optional.empty();
        }
        Pattern use = Pattern.compile("(?<![\\w$.])" + Pattern.quote(undefined.group(1)) + "(?![\\w$])");
        return program.quajectClass(className).stream()
                .flatMap(quaject -> Stream.concat(quaject.callentries().stream().map(Callentry::body),
                        quaject.slots().stream().map(Slot::defaultBody).flatMap(Optional::stream)))
                .flatMap(body -> use.matcher(body.code()).results().map(found -> body.positionOf(found.start())))
                .findFirst();
    }

    /**
     * The instance's object: the class's template, its section and hole symbols
     * renamed for the instance, and the instance's base symbol defined at the
     * start of its block. Its DWARF line table comes along, so the image maps
     * the instance's code to .qj lines. The instances' objects are merged into
     * as few files as can hold them ({@link ObjectMerge}), in the order the
     * kernel declares the instances, which is the order the boot linker
     * script places their blocks in (one statement for all of them: one each
     * would be matched against every section the link reads).
     */
    private byte[] instanceObject(Instance instance, TemplateObject template) {
        String templateSection = Symbols.templateSection(template.quaject().name().text());
        return TemplateCopy.copy(templateBytes.computeIfAbsent(template.path(), ImageLinker::readAll),
                Map.of(templateSection, Symbols.instanceSection(instance.name().text())),
                InstanceSymbols.renames(instance, template),
                // The instance's global symbols name these places; the template's labels would only repeat them.
                template.labels(),
                Map.of(templateSection, Symbols.instanceBase(instance.name().text())));
    }

    private static byte[] readAll(Path path) {
        try {
            return Files.readAllBytes(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void write(Path path, String text) {
        write(path, text.getBytes(StandardCharsets.UTF_8));
    }

    static void write(Path path, byte[] bytes) {
        try {
            Files.write(path, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
