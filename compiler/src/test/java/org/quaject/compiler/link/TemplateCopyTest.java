package org.quaject.compiler.link;

import static org.junit.jupiter.api.Assertions.assertEquals;

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

/** An instance's object written in-process is the one objcopy writes, section for section and symbol for symbol. */
class TemplateCopyTest {

    @RegisterExtension
    final QjSources sources = new QjSources();

    @Test
    void theCopyIsWhatObjcopyMakes() throws Exception {
        Path template = ObjectDescription.counterTemplate(sources);
        Map<String, String> sectionRenames = Map.of(".qjt.Counter", ".qj.copy");
        Map<String, String> symbolRenames = Map.of("hole$count", "copy$count", "hole$step", "copy$step");
        Set<String> stripped = Set.of("entry$inc", "field$count");

        Path ours = template.resolveSibling("ours.o");
        Files.write(ours, TemplateCopy.copy(Files.readAllBytes(template), sectionRenames, symbolRenames, stripped,
                Map.of(".qjt.Counter", "copy$self")));
        Path theirs = template.resolveSibling("theirs.o");
        List<String> args = new ArrayList<>(List.of("--rename-section", ".qjt.Counter=.qj.copy"));
        symbolRenames.forEach((from, to) -> args.addAll(List.of("--redefine-sym", from + "=" + to)));
        stripped.forEach(label -> args.addAll(List.of("--strip-symbol", label)));
        args.addAll(List.of("--add-symbol", "copy$self=.qj.copy:0,global"));
        args.addAll(List.of(template.toString(), theirs.toString()));
        Toolchain.locate().runChecked("objcopy", args, template.getParent());

        ElfFile expected = ElfFile.read(theirs);
        ElfFile actual = ElfFile.read(ours);
        assertEquals(ObjectDescription.of(expected), ObjectDescription.of(actual));
    }
}
