package org.quaject.e2e;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quaject.elf.ElfFile;
import org.quaject.elf.Relocation;
import org.quaject.elf.Section;

/**
 * The hole table the image carries for a class matches the relocations the
 * assembler recorded in the class's template, and the static instances are the
 * template with exactly those bytes filled in. Checked on examples/counter.
 */
class HoleTableIT {

    /** One 12-byte entry of a hole table (docs/language.md, "Hole tables"). */
    record Entry(int offset, int width, int flags, int kind, int index, int value) {
    }

    static final int KIND_BLOCK = 1;
    static final int KIND_PARAM = 2;

    @TempDir
    static Path work;

    static ElfFile image;
    static ElfFile template;
    static Section templateSection;

    @BeforeAll
    static void build() throws Exception {
        QjProcess.Result result = QjProcess.run("build", QjProcess.example("counter"), "-o", work.resolve("counter"),
                "--work-dir", work.resolve("build"));
        assertEquals(0, result.exitStatus(), result::toString);
        image = ElfFile.read(work.resolve("counter.elf"));
        template = ElfFile.read(work.resolve("build/quaject-Counter.o"));
        templateSection = template.section(".qjt.Counter").orElseThrow();
    }

    @Test
    void theImageCarriesTheAssembledTemplate() {
        assertArrayEquals(template.contents(templateSection), bytesAt("Counter$$template", (int) templateSection.size()));
    }

    @Test
    void everyRelocationIsAHoleAtTheSameByteWithTheSameWidth() {
        List<Relocation> relocations = template.relocations(templateSection);
        List<Entry> entries = holeTable();
        assertEquals(relocations.size(), entries.size());
        for (int i = 0; i < entries.size(); i++) {
            assertEquals(relocations.get(i).offset(), entries.get(i).offset(), "hole " + i);
            assertEquals(relocations.get(i).type().width(), entries.get(i).width(), "hole " + i);
            assertEquals(relocations.get(i).type().pcRelative() ? 1 : 0, entries.get(i).flags() & 1, "hole " + i);
        }
    }

    @Test
    void incFoldsTheStepIntoItsAddInstructionAndAddressesItsOwnCount() {
        byte[] code = template.contents(templateSection);
        assertEquals(0x06b9, ((code[0] & 0xff) << 8) | (code[1] & 0xff), "inc starts with add.l #imm,abs.l");
        Entry step = holeTable().get(0);
        Entry count = holeTable().get(1);
        assertEquals(List.of(2, 4, KIND_PARAM, 1), List.of(step.offset(), step.width(), step.kind(), step.index()));
        assertEquals(List.of(6, 4, KIND_BLOCK), List.of(count.offset(), count.width(), count.kind()));
    }

    @Test
    void eachInstanceIsTheTemplateWithItsHolesFilled() {
        Map<String, long[]> params = Map.of("a", new long[] {0, 1}, "b", new long[] {100, 5});
        byte[] code = template.contents(templateSection);
        for (Map.Entry<String, long[]> instance : params.entrySet()) {
            long base = image.symbol(instance.getKey() + "$self").orElseThrow().value();
            byte[] block = bytesAt(instance.getKey() + "$self", code.length);
            byte[] expected = Arrays.copyOf(code, code.length);
            for (Entry hole : holeTable()) {
                long value = switch (hole.kind()) {
                    case KIND_PARAM -> instance.getValue()[hole.index()];
                    case KIND_BLOCK -> base + hole.value();
                    default -> throw new AssertionError("Counter has only parameter and block holes: " + hole);
                };
                put(expected, hole.offset(), hole.width(), value);
            }
            assertArrayEquals(expected, block, "instance " + instance.getKey());
        }
    }

    private static List<Entry> holeTable() {
        ByteBuffer table = ByteBuffer.wrap(bytesAt("Counter$$holes", 8));
        assertEquals(templateSection.size(), table.getInt(), "the table starts with the template's size");
        int count = table.getInt();
        ByteBuffer entries = ByteBuffer.wrap(bytesAt("Counter$$holes", 8 + 12 * count)).position(8);
        List<Entry> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int offset = Short.toUnsignedInt(entries.getShort());
            int width = entries.get();
            int flags = entries.get();
            int kind = entries.get();
            entries.get();
            int index = Short.toUnsignedInt(entries.getShort());
            out.add(new Entry(offset, width, flags, kind, index, entries.getInt()));
        }
        return out;
    }

    private static byte[] bytesAt(String symbol, int length) {
        long address = image.symbol(symbol).orElseThrow().value();
        for (Section section : image.sections()) {
            if (section.isAllocated() && !section.isNoBits() && address >= section.address()
                    && address + length <= section.address() + section.size()) {
                int from = (int) (address - section.address());
                return Arrays.copyOfRange(image.contents(section), from, from + length);
            }
        }
        throw new AssertionError(symbol + " is not in the loaded image");
    }

    private static void put(byte[] bytes, int offset, int width, long value) {
        for (int i = width - 1; i >= 0; i--) {
            bytes[offset + i] = (byte) value;
            value >>>= 8;
        }
    }
}
