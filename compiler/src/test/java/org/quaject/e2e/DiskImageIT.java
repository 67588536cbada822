package org.quaject.e2e;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.quaject.compiler.image.DiskImage;

/**
 * Disk images (docs/disk-image.md): {@code qj build} writes them, and both
 * engines boot them through the boot loader, which refuses a bad one with
 * its reason on the console.
 */
class DiskImageIT {

    private static final List<String> ENGINES = List.of("runner", "qemu");
    private static final String HELLO = "Hello from a quaject kernel on the MC68030!\n";
    /** An image's first segment starts at sector 1 (the header is sector 0). */
    private static final long FIRST_SEGMENT = DiskImage.SECTOR_BYTES;
    private static final long MIB = 1 << 20;

    @TempDir
    Path out;

    @Test
    void aBuiltImageBootsFromItsDiskOnBothEngines() {
        Path image = build("hello");
        for (String engine : ENGINES) {
            QjProcess.Result result = QjProcess.run("run", image, "--engine", engine);
            assertEquals(0, result.exitStatus(), result::toString);
            assertEquals(HELLO, result.stdout(), engine);
        }
    }

    /** The loader passes the boot command line on: the tests run, with the console input they expect. */
    @Test
    void testsRunFromADiskImageAsFromTheElfImage() {
        QjProcess.Result direct = QjProcess.run("test", QjProcess.example("echo"), "--engine", "runner");
        assertEquals(0, direct.exitStatus(), direct::toString);
        Path image = build("echo");
        for (String engine : ENGINES) {
            QjProcess.Result result = QjProcess.run("test", image, "--engine", engine);
            assertEquals(0, result.exitStatus(), result::toString);
            assertEquals(direct.stdout(), result.stdout(), engine);
        }
    }

    /**
     * examples/disk on each engine: each boot appends to the log on the disk
     * and the next boot sees it; a snapshot run changes nothing in the file.
     */
    @Test
    void theDiskExampleKeepsItsLogOnItsDiskAcrossBoots() throws IOException {
        for (String engine : ENGINES) {
            Path image = build("disk");
            assertEquals(log(1), boot(image, engine).stdout(), engine);
            assertEquals(log(1, 2), boot(image, engine).stdout(), engine);
            byte[] afterTwoBoots = Files.readAllBytes(image);
            assertEquals(log(1, 2, 3), boot(image, engine, "--snapshot").stdout(), engine);
            assertArrayEquals(afterTwoBoots, Files.readAllBytes(image), "a snapshot run leaves the file as it was");

            DiskImage.Header header = DiskImage.readHeader(image).orElseThrow();
            ByteBuffer sector = ByteBuffer.wrap(afterTwoBoots, (int) header.dataSector() * DiskImage.SECTOR_BYTES,
                    DiskImage.SECTOR_BYTES).slice();
            assertEquals(0x514c4f47, sector.getInt(0), "the log's magic, QLOG");
            assertEquals(2, sector.getInt(4), "two boots");
            assertEquals(1, sector.getInt(8));
            assertEquals(2, sector.getInt(12));
        }
    }

    /** docs/disk-image.md's commands, as printed, from the checkout's root. */
    @Test
    void theDocumentedCommandsWorkAsPrinted() throws IOException {
        String doc = Files.readString(QjProcess.ROOT.resolve("docs/disk-image.md"));
        List<String> commands = doc.substring(doc.indexOf("```\n") + 4, doc.indexOf("\n```", doc.indexOf("```\n")))
                .lines().map(line -> line.replaceFirst("\\s*#.*$", "")).toList();
        assertEquals(List.of("bin/qj build examples/disk/disk.qj -o build/disk", "bin/qj run build/disk.img",
                "bin/qj run build/disk.img --engine qemu", "bin/qj run build/disk.img --snapshot"), commands);
        List<String> outputs = new ArrayList<>();
        for (String command : commands) {
            QjProcess.Result result = QjProcess.run(command.substring("bin/qj ".length()).split(" "));
            assertEquals(0, result.exitStatus(), result::toString);
            outputs.add(result.stdout());
        }
        assertEquals(List.of("", log(1), log(1, 2), log(1, 2, 3)), outputs);
        assertEquals(log(1, 2, 3), QjProcess.run("run", "build/disk.img", "--snapshot").stdout(),
                "the snapshot run wrote nothing");
    }

    /** The README's two lines about build/counter, as printed, one after the other. */
    @Test
    void theReadmesDiskImageCommandsWorkAsPrinted() throws IOException {
        List<String> commands = Files.readAllLines(QjProcess.ROOT.resolve("README.md")).stream()
                .filter(line -> line.startsWith("bin/qj ") && line.contains("build/counter"))
                .map(line -> line.replaceFirst("\\s*#.*$", "")).toList();
        assertEquals(List.of("bin/qj build examples/counter/counter.qj -o build/counter",
                "bin/qj test  build/counter.img"), commands);
        for (String command : commands) {
            QjProcess.Result result = QjProcess.run(command.substring("bin/qj ".length()).trim().split(" +"));
            assertEquals(0, result.exitStatus(), result::toString);
        }
        assertTrue(QjProcess.run(commands.get(1).substring("bin/qj ".length()).trim().split(" +")).stdout()
                .endsWith("5 passed, 0 failed\n"));
    }

    /** The image carries the devices its kernel asks for: they follow the disk, on both engines. */
    @Test
    void aDiskImageCarriesItsKernelsDevices() {
        QjProcess.Result built = QjProcess.run("build", QjProcess.fixture("entropy-on-its-disk.qj"), "-o",
                out.resolve("entropy"));
        assertEquals(0, built.exitStatus(), built::toString);
        Path image = out.resolve("entropy.img");
        QjProcess.Result runner = QjProcess.run("test", image, "--device-path", VirtioRngIT.PLUGIN);
        assertEquals(0, runner.exitStatus(), runner::toString);
        assertTrue(runner.stdout().endsWith("1 passed, 0 failed\n"), runner::toString);
        QjProcess.Result qemu = QjProcess.run("test", image, "--engine", "qemu");
        assertEquals(runner.stdout(), qemu.stdout());
    }

    @TestFactory
    Stream<DynamicTest> aBadDiskIsRefusedWithItsReasonOnBothEngines() throws IOException {
        Path hello = build("hello");
        byte[] good = Files.readAllBytes(hello);
        return Stream.of(
                badImage("not an image", changed(good, 0, "JUNK"),
                        "the disk is not a quaject disk image (no QJIM header in sector 0)"),
                badImage("another format version", changed(good, 7, "\2"),
                        "the disk image is format version 1 only; this one says version 2"),
                badImage("a damaged header", changed(good, 0x30, "\1"),
                        "the disk image's header is damaged (its CRC-32 does not match)"),
                badImage("a damaged segment", changed(good, FIRST_SEGMENT + 100, "\377"),
                        "a segment of the kernel is damaged (its CRC-32 does not match): segment at 0x00001000"),
                badImage("a kernel larger than the RAM", crafted(0x000f_f000L, 0),
                        "the kernel does not fit in RAM below the loader's last page: segment at 0x000ff000"),
                badImage("a segment in the loader's page", crafted(0x800, 0),
                        "a segment loads below 0x1000, where the loader runs: at 0x00000800"),
                badImage("a disk cut short of its data area", cutShort(crafted(0x1000, 64)),
                        "the kernel's data area ends past the end of the disk; sectors on the disk: 17"))
                .flatMap(bad -> ENGINES.stream().map(engine -> DynamicTest.dynamicTest(bad.name + " on " + engine,
                        () -> {
                            Path file = Files.write(out.resolve(bad.name.replace(' ', '-') + ".img"), bad.bytes);
                            QjProcess.Result result = QjProcess.run("run", file, "--engine", engine);
                            assertEquals(3, result.exitStatus(), result::toString);
                            assertEquals("qj-boot: error: " + bad.line + "\n", result.stdout(), result::toString);
                            assertArrayEquals(bad.bytes, Files.readAllBytes(file), "the loader only reads");
                        })));
    }

    @Test
    void aFailedBuildLeavesNoImage() throws IOException {
        Path stale = Files.writeString(out.resolve("broken.img"), "an image from an earlier build");
        Path source = Files.writeString(out.resolve("broken.qj"), "kernel k {\n    disk 1000\n}\n");
        QjProcess.Result result = QjProcess.run("build", source, "-o", out.resolve("broken"));
        assertEquals(1, result.exitStatus(), result::toString);
        assertFalse(Files.exists(stale), "the stale image is removed");
    }

    @Test
    void aDiskImageMustExistIsItsOwnDiskAndASnapshotNeedsADisk() {
        Path image = build("hello");
        QjProcess.Result both = QjProcess.run("run", image, "--disk", image);
        assertEquals(2, both.exitStatus(), both::toString);
        assertTrue(both.stderr().contains("--disk cannot be given with a disk image: the image is the disk"),
                both::toString);
        Path missing = out.resolve("missing.img");
        QjProcess.Result absent = QjProcess.run("run", missing);
        assertEquals(1, absent.exitStatus(), absent::toString);
        assertEquals("qj: error: " + missing + ": no such file\n", absent.stderr());
        QjProcess.Result noDisk = QjProcess.run("run", QjProcess.example("hello"), "--snapshot");
        assertEquals(2, noDisk.exitStatus(), noDisk::toString);
        assertTrue(noDisk.stderr().contains("--snapshot needs a disk: give --disk FILE, or an .img image"),
                noDisk::toString);
    }

    private static QjProcess.Result boot(Path image, String engine, String... options) {
        List<Object> args = new ArrayList<>(List.of("run", image, "--engine", engine));
        args.addAll(List.of(options));
        QjProcess.Result result = QjProcess.run(args.toArray());
        assertEquals(0, result.exitStatus(), result::toString);
        return result;
    }

    /** What examples/disk prints after the boots given. */
    private static String log(int... boots) {
        StringBuilder text = new StringBuilder("boots of this disk: " + boots.length + "\n");
        for (int boot : boots) {
            text.append("  boot ").append(boot).append('\n');
        }
        return text.toString();
    }

    private record BadImage(String name, byte[] bytes, String line) {
    }

    private static BadImage badImage(String name, byte[] bytes, String line) {
        return new BadImage(name, bytes, line);
    }

    private Path build(String example) {
        QjProcess.Result result = QjProcess.run("build", QjProcess.example(example), "-o", out.resolve(example));
        assertEquals(0, result.exitStatus(), result::toString);
        return out.resolve(example + ".img");
    }

    private static byte[] changed(byte[] image, long at, String bytes) {
        byte[] copy = image.clone();
        for (int i = 0; i < bytes.length(); i++) {
            copy[(int) at + i] = (byte) bytes.charAt(i);
        }
        return copy;
    }

    /** A well-formed image for 1 MiB of RAM with one segment of 8 KiB at {@code address}. */
    private byte[] crafted(long address, long dataSectors) throws IOException {
        Path file = out.resolve("crafted.img");
        byte[] code = new byte[8192];
        DiskImage.write(file, address, address + code.length, MIB, List.of(new DiskImage.Segment(address, code)),
                new byte[0], List.of(), dataSectors * DiskImage.SECTOR_BYTES);
        return Files.readAllBytes(file);
    }

    /** The image without its data area: its header and segment only. */
    private byte[] cutShort(byte[] image) throws IOException {
        Path file = Files.write(out.resolve("cut.img"), image);
        try (RandomAccessFile disk = new RandomAccessFile(file.toFile(), "rw")) {
            disk.setLength(FIRST_SEGMENT + 8192);
        }
        return Files.readAllBytes(file);
    }
}
