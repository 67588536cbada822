package org.quaject.runner.junit;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.MatchResult;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.AssertionFailedError;
import org.quaject.runner.Contention;
import org.quaject.runner.DiskDrive;
import org.quaject.runner.ImageInfo;
import org.quaject.runner.Preemption;
import org.quaject.runner.cpu.Register;
import org.quaject.runner.machine.Machine;
import org.quaject.runner.machine.MachineStop;

/** Drives {@link Guests#INTERACTIVE} and other hand-written images through every part of a session. */
class GuestSessionTest {

    /** Enough for the interactive image to answer a few bytes of input, small enough to give up fast. */
    private static final Budget SHORT = Budget.ofInstructions(200_000);

    @TempDir
    Path dir;
    private Path interactive;

    @BeforeEach
    void link() throws Exception {
        interactive = Guests.link(dir, Guests.INTERACTIVE);
    }

    @Test
    void aSessionRunsInTheRunnersStressModes() throws Exception {
        Path preempted = Guests.link(dir, Guests.PREEMPTED);
        try (GuestSession programmed = GuestSession.boot(preempted)) {
            assertThrows(AssertionFailedError.class, () -> programmed.waitFor("done", SHORT));
            assertEquals(Optional.empty(), programmed.contention());
        }
        try (GuestSession guest = GuestSession.builder(preempted).preemption(Preemption.seeded(2).contending()).boot()) {
            guest.waitFor("done", SHORT);
            Contention counts = guest.contention().orElseThrow();
            // Every CAS that swapped added one.
            assertEquals(counts.executed() - counts.failed(), guest.readLong("counter"), counts::line);
            assertTrue(counts.failed() > 0, counts::line);
        }
    }

    @Test
    void typedInputIsEchoed() {
        try (GuestSession guest = GuestSession.boot(interactive)) {
            guest.type("abc");
            assertEquals("> abc", guest.waitFor("abc"));
            assertEquals("> abc", guest.output());
        }
    }

    /** The guest is stopped at the write that completes the match (at the end of its block on Unicorn 2.0.1). */
    @Test
    void aWaitStopsTheGuestWhereTheMatchIsComplete() throws Exception {
        Path image = Guests.link(dir, Guests.printing("first, then the rest", Guests.Ending.HALT));
        try (GuestSession guest = GuestSession.boot(image)) {
            assertEquals("first", guest.waitFor("first"));
            assertEquals("first", guest.output());
            // A pattern matches as soon as the output has a match: what it needs after the word ends the word.
            assertEquals("then", guest.waitFor(Pattern.compile(", (\\w+) ")).group(1));
            assertEquals("first, then ", guest.output());
            GuestEnd end = guest.runToEnd();
            assertTrue(end.halted(), end::toString);
            assertTrue(guest.output().startsWith("first, then the rest"), guest::output);
        }
    }

    @Test
    void eachWaitLooksOnlyAfterThePreviousMatch() {
        try (GuestSession guest = GuestSession.boot(interactive)) {
            guest.type("xax");
            assertEquals("> x", guest.waitFor("x"));
            assertEquals("ax", guest.waitFor("x"));
            AssertionFailedError e = assertThrows(AssertionFailedError.class, () -> guest.waitFor("x", SHORT));
            assertTrue(e.getMessage().contains("matched the output up to character 5"), e.getMessage());
        }
    }

    @Test
    void waitsForAPattern() {
        try (GuestSession guest = GuestSession.boot(interactive)) {
            guest.type("id 42;");
            MatchResult match = guest.waitFor(Pattern.compile("id (\\d+);"));
            assertEquals("42", match.group(1));
            assertEquals(guest.output().indexOf("id"), match.start());
        }
    }

    @Test
    void aPatternSeesTheOutputBeforeWhereItSearches() {
        try (GuestSession guest = GuestSession.boot(interactive)) {
            guest.type("ab");
            guest.waitFor("a");
            // "b" follows "a", so it is not at a word start even though the search starts there.
            AssertionFailedError e = assertThrows(AssertionFailedError.class,
                    () -> guest.waitFor(Pattern.compile("\\bb"), SHORT));
            assertTrue(e.getMessage().contains("a match for /\\bb/"), e.getMessage());
        }
    }

    @Test
    void outputThatNeverComesFailsWithTheBudgetAndTheTranscript() {
        try (GuestSession guest = GuestSession.boot(interactive)) {
            guest.type("ab\n");
            AssertionFailedError e = assertThrows(AssertionFailedError.class,
                    () -> guest.waitFor("never\n", SHORT));
            String message = e.getMessage();
            assertTrue(message.startsWith("waited for \"never\\n\" on the console of guest.elf (budget: "
                    + SHORT + "), but the instruction budget ran out at PC 0x"), message);
            assertTrue(message.endsWith("--- console output ---\n> ab\n--- end of console output ---"), message);
            assertEquals(SHORT.instructions(), guest.instructions());
        }
    }

    @Test
    void theSessionsBudgetIsEveryCallsUnlessOneIsGiven() {
        try (GuestSession guest = GuestSession.builder(interactive).budget(SHORT).boot()) {
            AssertionFailedError e = assertThrows(AssertionFailedError.class, () -> guest.waitFor("never"));
            assertTrue(e.getMessage().contains("(budget: " + SHORT + ")"), e.getMessage());
            assertEquals(SHORT.instructions(), guest.instructions());
            guest.runToEnd();
            assertEquals(2 * SHORT.instructions(), guest.instructions());
            guest.runToEnd(Budget.ofInstructions(1));
            assertEquals(2 * SHORT.instructions() + 1, guest.instructions());
        }
    }

    @Test
    void aWallClockLimitEndsAWaitToo() {
        Budget noTime = new Budget(Long.MAX_VALUE, Duration.ofNanos(1));
        try (GuestSession guest = GuestSession.boot(interactive)) {
            AssertionFailedError e = assertThrows(AssertionFailedError.class, () -> guest.waitFor(">", noTime));
            assertTrue(e.getMessage().contains("but the time budget ran out at PC 0x"), e.getMessage());
            // Nothing ran, and the guest can still go on.
            assertEquals("> ", guest.waitFor("> "));
        }
    }

    @Test
    void waitingOnAGuestThatHaltedSaysSo() {
        try (GuestSession guest = GuestSession.boot(interactive)) {
            guest.type("ok.");
            AssertionFailedError e = assertThrows(AssertionFailedError.class, () -> guest.waitFor("more"));
            assertTrue(e.getMessage().contains("but the guest halted with exit status 5 ("), e.getMessage());
            assertTrue(e.getMessage().contains("> ok\nbye\n# qj-exit: 5\n"), e.getMessage());
            // What came before the halt can still be waited for.
            assertEquals("> ok\nbye", guest.waitFor("bye"));
        }
    }

    @Test
    void aGuestThatNothingCanWakeFailsTheWaitAtOnce() throws Exception {
        Path image = Guests.link(dir, Guests.printing("sleeping\n", Guests.Ending.STOP));
        try (GuestSession guest = GuestSession.boot(image)) {
            AssertionFailedError e = assertThrows(AssertionFailedError.class, () -> guest.waitFor("awake"));
            assertTrue(e.getMessage().contains("but the CPU executed STOP"), e.getMessage());
            assertTrue(e.getMessage().contains("sleeping\n"), e.getMessage());
            assertTrue(guest.instructions() < SHORT.instructions(), "ran " + guest.instructions());
        }
    }

    @Test
    void runToEndGivesTheExitStatusAndEndsTyping() {
        try (GuestSession guest = GuestSession.boot(interactive)) {
            guest.type("hi.");
            GuestEnd end = guest.runToEnd();
            assertTrue(end.halted(), end::toString);
            assertTrue(end.isFinal());
            assertEquals(OptionalInt.of(5), end.exitStatus());
            assertEquals(guest.instructions(), end.stop().instructions());
            assertEquals("> hi\nbye\n# qj-exit: 5\n", guest.output());
            assertEquals(end, guest.runToEnd());
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> guest.type("x"));
            assertTrue(e.getMessage().contains("halted with exit status 5"), e.getMessage());
        }
    }

    @Test
    void runToEndStopsWhereTheBudgetEndsAndTheGuestCanGoOn() {
        try (GuestSession guest = GuestSession.boot(interactive)) {
            GuestEnd waiting = guest.runToEnd(Budget.ofInstructions(50_000));
            assertEquals(MachineStop.Kind.OUT_OF_INSTRUCTIONS, waiting.stop().kind());
            assertFalse(waiting.isFinal());
            assertEquals(50_000, guest.instructions());
            guest.type("z.");
            GuestEnd end = guest.runToEnd();
            assertTrue(end.halted(), end::toString);
            assertEquals("> z\nbye\n# qj-exit: 5\n", guest.output());
        }
    }

    @Test
    void aPanicIsAFinalEndWithoutStatus() throws Exception {
        Path image = Guests.link(dir, Guests.printing("boom\n", Guests.Ending.PANIC));
        try (GuestSession guest = GuestSession.boot(image)) {
            GuestEnd end = guest.runToEnd();
            assertEquals(MachineStop.Kind.PANIC, end.stop().kind());
            assertTrue(end.isFinal());
            assertFalse(end.halted());
            assertEquals(OptionalInt.empty(), end.exitStatus());
            assertTrue(end.toString().startsWith("the guest panicked at PC 0x"), end::toString);
        }
    }

    /** The disk of Builder.disk is the board's first virtio-blk device: transport 127 says device ID 2. */
    @Test
    void aSessionCanHaveADisk() throws Exception {
        String source = Guests.printing("", Guests.Ending.HALT).replace("""
                main:
                """, """
                main:
                    lea     none,a0
                    cmpi.l  #0x02000000,0xff01fe08      | DeviceID, little-endian: 2 is a block device
                    bne.s   1f
                    lea     disk,a0
                1:  bsr     puts
                """).replace("""
                text:
                """, """
                none:
                    .asciz  "no disk\\n"
                disk:
                    .asciz  "a disk\\n"
                text:
                """);
        Path image = Guests.link(dir, source);
        Path file = Files.write(dir.resolve("disk.img"), new byte[4096]);
        try (GuestSession guest = GuestSession.builder(image).disk(new DiskDrive(file, true)).boot()) {
            assertTrue(guest.runToEnd().halted());
            assertEquals("a disk\n", guest.output());
        }
        try (GuestSession guest = GuestSession.boot(image)) {
            assertTrue(guest.runToEnd().halted());
            assertEquals("no disk\n", guest.output());
        }
    }

    @Test
    void aMissingDiskFileIsAClearError() throws Exception {
        Path image = Guests.link(dir, Guests.printing("", Guests.Ending.HALT));
        GuestSession.Builder builder = GuestSession.builder(image).disk(new DiskDrive(dir.resolve("none.img"), false));
        UncheckedIOException e = assertThrows(UncheckedIOException.class, builder::boot);
        assertTrue(e.getMessage().startsWith("cannot attach the disk: "), e.getMessage());
        assertTrue(e.getMessage().contains("none.img"), e.getMessage());
    }

    @Test
    void readsTheImagesValuesBySymbol() {
        try (GuestSession guest = GuestSession.boot(interactive)) {
            assertEquals(0x12345678, guest.readLong("pattern"));
            assertEquals(0xbeef, guest.readWord("flag"));
            assertEquals('M', guest.readByte("mark"));
            assertEquals("quaject", guest.readString("greeting"));
            assertArrayEquals(new byte[] {0x12, 0x34, 0x56, 0x78}, guest.readBytes("pattern", 4));
        }
    }

    @Test
    void symbolsTakeOffsets() {
        try (GuestSession guest = GuestSession.boot(interactive)) {
            assertEquals(guest.address("pattern") + 2, guest.address("pattern+2"));
            assertEquals(0x34, guest.readByte("pattern+1"));
            assertEquals(0x5678, guest.readWord("pattern+0x2"));
            assertEquals(0x78, guest.readByte("flag-1"));
            assertEquals(guest.address("pattern") + 10, guest.address("pattern+010"), "a leading 0 is still decimal");
        }
    }

    @Test
    void readsWhatTheGuestWroteAndItsRegisters() {
        try (GuestSession guest = GuestSession.boot(interactive)) {
            guest.type("abc");
            guest.waitFor("abc");
            assertEquals(3, guest.readLong("echoed"));
            assertEquals(3, guest.register(Register.D7));
        }
    }

    @Test
    void theGuestReadsWhatATestWrote() {
        try (GuestSession guest = GuestSession.boot(interactive)) {
            guest.writeByte("mark", 'Q');
            guest.type("?");
            assertEquals("> Q", guest.waitFor("Q"));
        }
    }

    @Test
    void writesOfEverySizeReadBack() {
        try (GuestSession guest = GuestSession.boot(interactive)) {
            guest.writeLong("pattern", 0xcafef00d);
            guest.writeWord("flag", 0x1234);
            guest.writeBytes("greeting", "QUA".getBytes(US_ASCII));
            assertEquals(0xcafef00d, guest.readLong("pattern"));
            assertEquals(0x1234, guest.readWord("flag"));
            assertEquals("QUAject", guest.readString("greeting"));
            // Big-endian: the long's first byte is its most significant.
            assertEquals(0xca, guest.readByte("pattern"));
        }
    }

    @Test
    void anUnknownSymbolIsNamedWithSimilarOnes() {
        try (GuestSession guest = GuestSession.boot(interactive)) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> guest.readLong("echoe"));
            assertEquals("no symbol 'echoe' in guest.elf; symbols with that in their name: echoed", e.getMessage());
            e = assertThrows(IllegalArgumentException.class, () -> guest.writeByte("nowhere+4", 0));
            assertEquals("no symbol 'nowhere' in guest.elf", e.getMessage());
            assertFalse(guest.hasSymbol("nowhere"));
            assertTrue(guest.hasSymbol("echoed"));
        }
    }

    @Test
    void aSymbolOutsideRamCannotBeRead() {
        try (GuestSession guest = GuestSession.boot(interactive)) {
            assertEquals(0xff008000L, guest.address("TTY_PUT_CHAR"));
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> guest.readLong("TTY_PUT_CHAR"));
            assertTrue(e.getMessage().startsWith("TTY_PUT_CHAR is at 0xff008000, and the 4 bytes there are not in RAM"),
                    e.getMessage());
        }
    }

    @Test
    void ramIsWhatTheImageAsksForUnlessGiven() {
        String beyondSmallRam = "_start+0x20000";
        try (GuestSession guest = GuestSession.boot(interactive)) {
            assertEquals(0, guest.readByte(beyondSmallRam));
        }
        try (GuestSession guest = GuestSession.builder(interactive).ramBytes(0x10000).boot()) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> guest.readByte(beyondSmallRam));
            assertTrue(e.getMessage().contains("not in RAM (0x0 to 0x10000)"), e.getMessage());
        }
        assertThrows(IllegalArgumentException.class, () -> GuestSession.builder(interactive).ramBytes(1000));
    }

    @Test
    void theBootCommandLineSaysWhetherToRunTheTests() {
        // The bootinfo records, the command line among them, follow the image (Linux asm/bootinfo.h).
        try (GuestSession guest = GuestSession.builder(interactive).testMode(true).boot()) {
            assertTrue(new String(guest.readBytes("_end", 256), US_ASCII).contains(Machine.TEST_MODE));
        }
        try (GuestSession guest = GuestSession.boot(interactive)) {
            assertFalse(new String(guest.readBytes("_end", 256), US_ASCII).contains(Machine.TEST_MODE));
        }
    }

    @Test
    void theGuestStartsAtItsEntryWithNothingRun() {
        try (GuestSession guest = GuestSession.boot(interactive)) {
            assertEquals(0, guest.instructions());
            assertEquals(guest.address("_start"), guest.register(Register.PC));
            assertEquals(0x2700, guest.register(Register.SR));
            assertEquals("", guest.output());
        }
    }

    @Test
    void theDeclaredTestInputCanBeTyped() throws Exception {
        try (GuestSession guest = GuestSession.boot(interactive)) {
            assertArrayEquals(ImageInfo.read(interactive).consoleInput(), guest.testInput());
            guest.type(guest.testInput());
            assertEquals("> declared", guest.waitFor("declared"));
        }
    }

    @Test
    void aClosedSessionRefusesEverything() {
        GuestSession guest = GuestSession.boot(interactive);
        guest.close();
        guest.close();
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> guest.readLong("pattern"));
        assertEquals("the session with guest.elf is closed", e.getMessage());
        assertThrows(IllegalStateException.class, () -> guest.register(Register.PC));
        assertThrows(IllegalStateException.class, () -> guest.waitFor("x"));
        assertThrows(IllegalStateException.class, guest::runToEnd);
    }

    @Test
    void whatIsNotAnImageCannotBoot() throws Exception {
        Path text = Files.writeString(dir.resolve("notes.txt"), "not an image");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> GuestSession.boot(text));
        assertTrue(e.getMessage().startsWith("cannot boot " + text), e.getMessage());
        assertThrows(UncheckedIOException.class, () -> GuestSession.boot(dir.resolve("missing.elf")));
    }
}
