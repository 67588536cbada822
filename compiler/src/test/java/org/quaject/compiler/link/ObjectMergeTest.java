package org.quaject.compiler.link;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.quaject.binutils.Toolchain;
import org.quaject.compiler.testing.QjSources;
import org.quaject.elf.ElfFile;
import org.quaject.elf.Symbol;

/**
 * Merged instance objects link to what the separate ones link to: the linker
 * (ld -r, which keeps the blocks apart and joins the debug sections) makes the
 * same object of both, section for section, symbol for symbol and relocation
 * for relocation.
 */
class ObjectMergeTest {

    @RegisterExtension
    final QjSources sources = new QjSources();

    @Test
    void mergedCopiesLinkAsTheSeparateOnes() throws Exception {
        byte[] template = template();
        List<byte[]> copies = List.of(copy(template, "a"), copy(template, "b"), copy(template, "c"));
        List<byte[]> merged = ObjectMerge.merge(copies);
        assertEquals(1, merged.size());

        Path dir = sources.dir();
        List<Path> separate = new ArrayList<>();
        for (int i = 0; i < copies.size(); i++) {
            separate.add(Files.write(dir.resolve("copy-" + i + ".o"), copies.get(i)));
        }
        Path one = Files.write(dir.resolve("merged.o"), merged.get(0));
        assertEquals(ObjectDescription.of(relink(dir, "from-separate.o", separate)), ObjectDescription.of(relink(dir, "from-merged.o",
                List.of(one))));
    }

    /** More sections than one object can number go to several, each under the limit, all copies kept in order. */
    @Test
    void copiesBeyondOneObjectsSectionNumbersGoToSeveral() throws Exception {
        byte[] template = template();
        List<byte[]> copies = new ArrayList<>();
        for (int i = 0; i < 6_000; i++) {
            copies.add(copy(template, "q" + i));
        }
        List<byte[]> merged = ObjectMerge.merge(copies);
        assertTrue(merged.size() > 1, "one object for " + copies.size() + " copies");
        List<String> bases = new ArrayList<>();
        for (int i = 0; i < merged.size(); i++) {
            ElfFile elf = ElfFile.read(Files.write(sources.dir().resolve("merged-" + i + ".o"), merged.get(i)));
            assertTrue(elf.sections().size() < 0xff00, elf.sections().size() + " sections");
            elf.symbols().stream().map(Symbol::name).filter(name -> name.endsWith("$self")).forEach(bases::add);
        }
        assertEquals(copies.size(), bases.size());
        for (int i = 0; i < bases.size(); i++) {
            assertEquals("q" + i + "$self", bases.get(i));
        }
    }

    private byte[] template() throws Exception {
        return Files.readAllBytes(ObjectDescription.counterTemplate(sources));
    }

    private static byte[] copy(byte[] template, String instance) {
        return TemplateCopy.copy(template, Map.of(".qjt.Counter", ".qji." + instance),
                Map.of("hole$count", instance + "$count", "hole$step", instance + "$step",
                        "hole$overflow", instance + "$overflow"),
                Set.of("entry$inc", "field$count"), Map.of(".qjt.Counter", instance + "$self"));
    }

    private static ElfFile relink(Path dir, String name, List<Path> objects) throws Exception {
        List<String> args = new ArrayList<>(List.of("-r", "-o", dir.resolve(name).toString()));
        objects.forEach(o -> args.add(o.toString()));
        Toolchain.locate().runChecked("ld", args, dir);
        return ElfFile.read(dir.resolve(name));
    }
}
