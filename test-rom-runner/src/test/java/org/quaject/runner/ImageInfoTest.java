package org.quaject.runner;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quaject.elf.ElfFormatException;
import org.quaject.testing.CrossToolchain;

class ImageInfoTest {
    private static final String START = """
                .globl _start
                .text
            _start:
                move.l #2,0xff009004
            """;

    @TempDir
    Path dir;

    @Test
    void ramSizeAndInputComeFromTheImage() throws Exception {
        ImageInfo info = ImageInfo.read(CrossToolchain.link(dir, "image", START + """
                    .globl qj_ram_size
                    .set qj_ram_size, 0x200000
                    .section .qj.input,""
                    .ascii "typed\\n"
                """));
        assertEquals(0x200000, info.ramBytes());
        assertEquals("typed\n", new String(info.consoleInput(), US_ASCII));
    }

    @Test
    void withoutThemRamIsQemusDefaultAndThereIsNoInput() throws Exception {
        ImageInfo info = ImageInfo.read(CrossToolchain.link(dir, "image", START));
        assertEquals(128L << 20, info.ramBytes());
        assertEquals(0, info.consoleInput().length);
    }

    @Test
    void objectFilesAreNotImages() throws Exception {
        Path object = CrossToolchain.assemble(dir, "object", START);
        ElfFormatException e = assertThrows(ElfFormatException.class, () -> ImageInfo.read(object));
        assertTrue(e.getMessage().contains("ET_REL"), e.getMessage());
        assertTrue(e.getMessage().startsWith(object.toString()), e.getMessage());
    }

    @Test
    void ramSizeMustBeANumberNotAnAddress() throws Exception {
        Path image = CrossToolchain.link(dir, "image", START + """
                    .globl qj_ram_size
                qj_ram_size:
                    .long 0
                """);
        ElfFormatException e = assertThrows(ElfFormatException.class, () -> ImageInfo.read(image));
        assertTrue(e.getMessage().contains("absolute"), e.getMessage());
    }

    @Test
    void ramSizeMustBeOneEveryEngineCanGive() throws Exception {
        Path image = CrossToolchain.link(dir, "image", START + """
                    .globl qj_ram_size
                    .set qj_ram_size, 100000
                """);
        ElfFormatException e = assertThrows(ElfFormatException.class, () -> ImageInfo.read(image));
        assertTrue(e.getMessage().contains("qj_ram_size is 100000"), e.getMessage());
    }

    @Test
    void inputMustNotBeLoadedIntoTheGuest() throws Exception {
        Path image = CrossToolchain.link(dir, "image", START + """
                    .section .qj.input,"a"
                    .ascii "typed"
                """);
        ElfFormatException e = assertThrows(ElfFormatException.class, () -> ImageInfo.read(image));
        assertTrue(e.getMessage().contains("must not be allocated"), e.getMessage());
    }

    @Test
    void theDevicesAnImageAsksForAreItsLines() throws Exception {
        ImageInfo info = ImageInfo.read(CrossToolchain.link(dir, "image", START + """
                    .section .qj.devices,""
                    .ascii "virtio-rng\\nscratch\\n"
                """));
        assertEquals(List.of("virtio-rng", "scratch"), info.devices());
        assertEquals(List.of(), ImageInfo.read(CrossToolchain.link(dir, "plain", START)).devices());
        Path loaded = CrossToolchain.link(dir, "loaded", START + """
                    .section .qj.devices,"a"
                    .ascii "virtio-rng\\n"
                """);
        ElfFormatException e = assertThrows(ElfFormatException.class, () -> ImageInfo.read(loaded));
        assertTrue(e.getMessage().contains(".qj.devices must not be allocated"), e.getMessage());
    }
}
