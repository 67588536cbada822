package org.quaject.compiler.link;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.quaject.binutils.ToolchainException;
import org.quaject.compiler.generate.Symbols;
import org.quaject.compiler.generate.Templates;
import org.quaject.compiler.model.Board;
import org.quaject.compiler.model.Callentry;
import org.quaject.compiler.model.Instance;
import org.quaject.compiler.model.Kernel;
import org.quaject.compiler.model.Member;
import org.quaject.compiler.model.Program;
import org.quaject.compiler.model.QuajectClass;
import org.quaject.elf.ElfFile;
import org.quaject.elf.ElfFormatException;
import org.quaject.elf.Section;
import org.quaject.elf.Symbol;

/**
 * The link map of an image, read from the linked ELF: every static instance with
 * the address of each member and the value now in each of its holes, every
 * template with its hole table, then the linker's own map.
 */
public final class LinkMap {

    record MemberLine(String kind, String name, String address) {
    }

    record HoleLine(String address, String offset, int width, String mode, String what, String filled) {
    }

    record InstanceView(String name, String kind, String className, String base, List<MemberLine> members,
                        List<HoleLine> holes) {
    }

    /**
     * @param descriptor null for a device class (not creatable at run time)
     * @param stub       null for a class without a creation stub
     */
    record TemplateView(String kind, String name, String template, String table, int size, List<HoleLine> holes,
                        String descriptor, String stub, List<InlineLine> inline) {
    }

    record InlineLine(String name, String offset, int bytes) {
    }

    private LinkMap() {
    }

    public static void write(Program program, Map<QuajectClass, TemplateObject> templates, Path elfPath,
                             Path linkerMap, Path out) {
        ElfFile elf;
        try {
            elf = ElfFile.read(elfPath);
        } catch (IOException | ElfFormatException e) {
            throw new ToolchainException("cannot read the linked image: " + e.getMessage());
        }
        Image image = new Image(elf);
        Kernel kernel = program.kernel();
        List<InstanceView> instances = new ArrayList<>();
        for (Instance instance : kernel.staticInstances()) {
            QuajectClass quaject = program.quajectClass(instance.className().text()).orElseThrow();
            String inst = instance.name().text();
            long base = image.address(Symbols.instanceBase(inst));
            List<MemberLine> members = new ArrayList<>();
            for (Member member : quaject.members()) {
                members.add(new MemberLine(member.kindName(), member.name().text(),
                        hex(image.address(Symbols.instanceMember(inst, member.name().text())))));
            }
            List<HoleLine> holes = new ArrayList<>();
            for (Hole hole : templates.get(quaject).holes()) {
                long at = base + hole.offset();
                holes.add(holeLine(hole, hex(at), hex(image.read(at, hole.width()))));
            }
            instances.add(new InstanceView(inst, quaject.kindName(), quaject.name().text(), hex(base), members, holes));
        }
        List<TemplateView> classes = new ArrayList<>();
        for (TemplateObject template : templates.values()) {
            String name = template.quaject().name().text();
            QuajectClass quaject = template.quaject();
            List<HoleLine> holes = template.holes().stream().map(h -> holeLine(h, "", "")).toList();
            List<InlineLine> inline = quaject.callentries().stream().filter(Callentry::inline)
                    .map(e -> new InlineLine(e.name().text(), "+0x" + Long.toHexString(template.entryOffset(e.name().text())),
                            template.inlineLength(e.name().text())))
                    .toList();
            classes.add(new TemplateView(quaject.kindName(), name, hex(image.address(Symbols.template(name))),
                    hex(image.address(Symbols.holeTable(name))), template.size(), holes,
                    quaject.device() ? null : hex(image.address(Symbols.classDescriptor(name))),
                    image.find(Symbols.creationStub(name)).map(LinkMap::hex).orElse(null), inline));
        }
        String ld;
        try {
            // The work directory is often a temporary one: named relative to it, the map is the same on every build.
            String work = linkerMap.toAbsolutePath().getParent().toString();
            ld = Files.readString(linkerMap).replace(work + "/", "").replace(work, ".");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String text = Templates.render(Templates.group("map"), "map",
                "kernel", kernel.name().text(),
                "board", Board.NAME,
                "ram", hex(Board.ramBytes(kernel)),
                "entry", hex(elf.entry()),
                "end", hex(image.address("_end")),
                "instances", instances,
                "templates", classes,
                "linkerMap", ld);
        try {
            Files.writeString(out, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static HoleLine holeLine(Hole hole, String address, String filled) {
        return new HoleLine(address, "+0x" + Long.toHexString(hole.offset()), hole.width() * 8,
                hole.pcRelative() ? "pc-relative" : "absolute", hole.description(), filled);
    }

    private static String hex(long value) {
        return String.format("0x%08x", value);
    }

    /** Symbol values and loaded bytes of the linked image. */
    private static final class Image {
        private final ElfFile elf;

        Image(ElfFile elf) {
            this.elf = elf;
        }

        long address(String symbol) {
            return find(symbol).orElseThrow(() -> new ToolchainException("the linked image has no symbol " + symbol));
        }

        Optional<Long> find(String symbol) {
            return elf.symbol(symbol).map(Symbol::value);
        }

        /** A big-endian value of the loaded image. */
        long read(long address, int width) {
            for (Section section : elf.sections()) {
                if (section.isAllocated() && !section.isNoBits() && address >= section.address()
                        && address + width <= section.address() + section.size()) {
                    byte[] bytes = elf.contents(section);
                    long value = 0;
                    for (int i = 0; i < width; i++) {
                        value = (value << 8) | (bytes[(int) (address - section.address()) + i] & 0xff);
                    }
                    return value;
                }
            }
            throw new ToolchainException("address " + hex(address) + " is not in the loaded image");
        }
    }
}
