package org.quaject.runner.junit;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.opentest4j.AssertionFailedError;
import org.quaject.elf.ElfFile;
import org.quaject.elf.ElfFormatException;
import org.quaject.runner.ConsoleProtocol;
import org.quaject.runner.DiskDrive;
import org.quaject.runner.Contention;
import org.quaject.runner.ImageInfo;
import org.quaject.runner.Preemption;
import org.quaject.runner.RunRequest;
import org.quaject.runner.board.DiskFile;
import org.quaject.runner.cpu.NativeRam;
import org.quaject.runner.cpu.Register;
import org.quaject.runner.machine.Machine;
import org.quaject.runner.machine.MachineStop;

/**
 * An image booted on the in-process virt68030 machine, for a Java test to
 * drive: type on its console, wait for what it writes, read and write its
 * memory by symbol, read its registers, and run it to its end.
 *
 * <pre>{@code
 * try (GuestSession guest = GuestSession.boot(Path.of("build/echo.elf"))) {
 *     guest.type("hello\n");
 *     guest.waitFor("hello\n");
 *     assertEquals("hello\n", guest.readString("echo$line"));
 * }
 * }</pre>
 *
 * <p>The guest runs only inside {@link #waitFor(String) waitFor} and
 * {@link #runToEnd() runToEnd}, each bounded by a {@link Budget}; in between
 * it is frozen, so what a test reads or writes is exactly what the next guest
 * instruction sees. Runs are deterministic: the same image, input and calls
 * give the same output and memory every time.
 *
 * <p>A wait that is not satisfied throws an {@link AssertionFailedError}
 * saying how the run ended (the guest halted or panicked, a budget ran out)
 * and showing the console output; JUnit reports it as the test's failure.
 *
 * <p>Locations in memory are symbols of the image, optionally with an offset:
 * {@code counter$count}, {@code table+8}, {@code buffer+0x10}. Values are
 * big-endian, as on the MC68030: a byte and a word come back unsigned, a long
 * word as its 32 bits in an {@code int}. Use a session from one thread.
 */
public final class GuestSession implements AutoCloseable {

    private static final Runnable NOTHING_BETWEEN_SLICES = () -> { };

    private final String imageName;
    private final ImageInfo info;
    private final Budget budget;
    private final SymbolAddresses symbols;
    private final ConsoleBytes console = new ConsoleBytes();
    private final Machine machine;
    /** The console output decoded, as of {@link #decodedBytes} bytes (a character cut off at the end waits). */
    private final StringBuilder decoded = new StringBuilder();
    private int decodedBytes;
    /** {@link #decoded} as a string, for {@link #output()}. */
    private String output = "";
    /** Where the next wait starts looking: the end of the previous match. */
    private int searchFrom;
    /** While a wait runs: what it waits for, looked for as each byte arrives. */
    private Pattern awaited;
    /** Set once the guest has halted, panicked or crashed. */
    private GuestEnd end;
    private boolean closed;
    private final Optional<DiskFile> disk;

    private GuestSession(Builder settings, ElfFile image, ImageInfo info) {
        this.imageName = settings.image.getFileName().toString();
        this.info = info;
        this.budget = settings.budget;
        this.symbols = new SymbolAddresses(image, imageName);
        long ramBytes = settings.ramBytes == 0 ? info.ramBytes() : settings.ramBytes;
        this.disk = settings.disk.map(GuestSession::open);
        try {
            this.machine = Machine.boot(image, ramBytes, settings.testMode, new OutputStream() {
                @Override
                public void write(int b) {
                    console.write(b);
                    stopAtAwaitedMatch();
                }
            }, settings.preemption, disk);
        } catch (IllegalArgumentException e) {
            disk.ifPresent(GuestSession::close);
            throw new IllegalArgumentException("cannot boot " + settings.image + ": " + e.getMessage(), e);
        }
    }

    /** Boots an image normally (its {@code main} runs), with the RAM it asks for and the default {@link Budget}. */
    public static GuestSession boot(Path image) {
        return builder(image).boot();
    }

    /** Settings for booting {@code image} some other way, e.g. in test mode. */
    public static Builder builder(Path image) {
        return new Builder(image);
    }

    /** How to boot an image; {@link #boot()} boots it. */
    public static final class Builder {
        private final Path image;
        private long ramBytes;
        private boolean testMode;
        private Budget budget = Budget.DEFAULT;
        private Optional<Preemption> preemption = Optional.empty();
        private Optional<DiskDrive> disk = Optional.empty();

        private Builder(Path image) {
            this.image = Objects.requireNonNull(image, "image");
        }

        /** RAM for the board instead of what the image asks for; a positive multiple of 8 KiB. */
        public Builder ramBytes(long bytes) {
            if (!RunRequest.isRunnableRamSize(bytes)) {
                throw new IllegalArgumentException("RAM size must be a positive multiple of "
                        + RunRequest.RAM_GRANULE + " bytes, not " + bytes);
            }
            this.ramBytes = bytes;
            return this;
        }

        /** Whether the boot command line asks for the image's tests ({@value Machine#TEST_MODE}) rather than its main. */
        public Builder testMode(boolean on) {
            this.testMode = on;
            return this;
        }

        /** The budget of each call that runs the guest, unless the call is given its own. */
        public Builder budget(Budget each) {
            this.budget = Objects.requireNonNull(each, "budget");
            return this;
        }

        /** Runs the guest in a stress mode of the runner (docs/runner.md, "Stress modes"). */
        public Builder preemption(Preemption mode) {
            this.preemption = Optional.of(mode);
            return this;
        }

        /**
         * Attaches a disk file as the board's first virtio-blk disk, as {@code qj run --disk} does
         * (docs/devices.md, "Attaching a disk"); the guest's writes reach the file when the session
         * closes, unless {@code drive} is a snapshot.
         */
        public Builder disk(DiskDrive drive) {
            this.disk = Optional.of(Objects.requireNonNull(drive, "drive"));
            return this;
        }

        /**
         * Loads the image and boots it; the guest has not run an instruction yet.
         *
         * @throws UncheckedIOException     if the image cannot be read
         * @throws IllegalArgumentException if it is not an m68k executable or does not fit in RAM
         */
        public GuestSession boot() {
            try {
                ElfFile elf = ElfFile.read(image);
                return new GuestSession(this, elf, ImageInfo.of(elf));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + image + ": " + e.getMessage(), e);
            } catch (ElfFormatException e) {
                throw new IllegalArgumentException("cannot boot " + image + ": " + e.getMessage(), e);
            }
        }
    }

    /** The console input the image's tests declare (its {@value ImageInfo#INPUT_SECTION} section); empty if none. */
    public byte[] testInput() {
        return info.consoleInput();
    }

    /** Types text on the console, encoded as UTF-8; the guest reads it when it next runs. */
    public void type(String text) {
        type(text.getBytes(StandardCharsets.UTF_8));
    }

    /** Types bytes on the console; the guest reads them when it next runs. */
    public void type(byte[] bytes) {
        requireOpen();
        if (end != null) {
            throw new IllegalStateException("nothing reads console input any more: " + end);
        }
        machine.type(bytes.clone());
    }

    /**
     * Runs the guest until its console output, after the previous wait's
     * match, contains {@code text}, within the session's budget.
     *
     * @return the output from the end of the previous match through this one
     * @throws AssertionFailedError if the text does not come: how the run
     *                              ended, and the output so far
     */
    public String waitFor(String text) {
        return waitFor(text, budget);
    }

    /** {@link #waitFor(String)} within {@code limit}. */
    public String waitFor(String text, Budget limit) {
        int from = searchFrom;
        MatchResult match = await(Pattern.compile(Pattern.quote(text)), quoted(text), limit);
        return output().substring(from, match.end());
    }

    /**
     * Runs the guest until its console output, after the previous wait's
     * match, has a match for {@code pattern}, within the session's budget.
     * The match's indexes count characters of {@link #output()}.
     *
     * @throws AssertionFailedError if no match comes: how the run ended, and the output so far
     */
    public MatchResult waitFor(Pattern pattern) {
        return waitFor(pattern, budget);
    }

    /** {@link #waitFor(Pattern)} within {@code limit}. */
    public MatchResult waitFor(Pattern pattern, Budget limit) {
        return await(pattern, "a match for /" + pattern.pattern() + "/", limit);
    }

    /** Everything the guest wrote to the console so far, decoded as UTF-8, status line included. */
    public String output() {
        requireOpen();
        if (output.length() != decode().length()) {
            output = decoded.toString();
        }
        return output;
    }

    /** Decodes the bytes that came since the last call, but for a character they leave unfinished. */
    private StringBuilder decode() {
        int end = console.completeCharacters();
        if (end > decodedBytes) {
            decoded.append(console.decode(decodedBytes, end));
            decodedBytes = end;
        }
        return decoded;
    }

    /** A matcher for {@code pattern} in what came after the previous wait's match, with the rest as context. */
    private Matcher matcher(Pattern pattern) {
        CharSequence text = decode();
        // The earlier output is context, not something to match: ^ and \b see it as it is.
        return pattern.matcher(text).region(searchFrom, text.length())
                .useAnchoringBounds(false).useTransparentBounds(true);
    }

    /** From the console's output stream: ends the run right after the byte that completes what a wait waits for. */
    private void stopAtAwaitedMatch() {
        if (awaited != null && matcher(awaited).find()) {
            awaited = null;
            machine.stopAfterThisAccess();
        }
    }

    /**
     * Runs the guest until it halts, panics or crashes, within the session's
     * budget. If a budget runs out or the guest waits for input that was
     * never typed, the result says so, and the guest can be run on.
     */
    public GuestEnd runToEnd() {
        return runToEnd(budget);
    }

    /** {@link #runToEnd()} within {@code limit}. */
    public GuestEnd runToEnd(Budget limit) {
        requireOpen();
        if (end != null) {
            return end;
        }
        return ending(run(limit.instructions(), deadline(limit)));
    }

    /** Instructions the guest has executed since it booted. */
    public long instructions() {
        requireOpen();
        return machine.instructions();
    }

    /** What the contention stress mode did so far; empty unless the session was booted contending. */
    public Optional<Contention> contention() {
        requireOpen();
        return machine.contention();
    }

    /** A register's 32 bits, as the guest left it where it last stopped. */
    public int register(Register register) {
        requireOpen();
        return machine.cpu().get(register);
    }

    /** Whether the image defines a symbol of that name. */
    public boolean hasSymbol(String name) {
        return symbols.contains(name);
    }

    /**
     * The address of a location ({@code name}, {@code name+N}, {@code name-N};
     * N decimal or 0x hex); for an absolute symbol, such as a parameter's
     * {@code inst$param}, its value.
     *
     * @throws IllegalArgumentException naming the symbol, if the image has no such symbol
     */
    public long address(String location) {
        return symbols.resolve(location);
    }

    /** The byte at a location, 0..255. */
    public int readByte(String location) {
        return ram().read8(inRam(location, 1));
    }

    /** The word at a location, 0..65535. */
    public int readWord(String location) {
        return ram().read16(inRam(location, 2));
    }

    /** The long word at a location: its 32 bits ({@link Integer#toUnsignedLong} for the unsigned value). */
    public int readLong(String location) {
        return ram().read32(inRam(location, 4));
    }

    /** {@code length} bytes from a location. */
    public byte[] readBytes(String location, int length) {
        byte[] bytes = new byte[length];
        ram().read(inRam(location, length), bytes, 0, length);
        return bytes;
    }

    /** The NUL-terminated string at a location, decoded as UTF-8, without the NUL. */
    public String readString(String location) {
        NativeRam ram = ram();
        long start = inRam(location, 1);
        long at = start;
        while (ram.read8(at) != 0) {
            at++;
            if (!ram.contains(at, 1)) {
                throw new IllegalArgumentException(String.format(
                        "the string at %s (0x%08x) has no NUL before the end of RAM", location, start));
            }
        }
        return new String(readBytes(location, (int) (at - start)), StandardCharsets.UTF_8);
    }

    /** Stores the low 8 bits of {@code value} at a location. */
    public void writeByte(String location, int value) {
        ram().write8(inRam(location, 1), value);
    }

    /** Stores the low 16 bits of {@code value} at a location. */
    public void writeWord(String location, int value) {
        ram().write16(inRam(location, 2), value);
    }

    /** Stores {@code value} as a long word at a location. */
    public void writeLong(String location, int value) {
        ram().write32(inRam(location, 4), value);
    }

    /** Stores bytes at a location. */
    public void writeBytes(String location, byte[] bytes) {
        ram().write(inRam(location, bytes.length), bytes, 0, bytes.length);
    }

    /** Frees the machine; afterwards every method but this one throws. */
    @Override
    public void close() {
        if (!closed) {
            closed = true;
            machine.close();
            disk.ifPresent(GuestSession::close);
        }
    }

    private static DiskFile open(DiskDrive drive) {
        try {
            return DiskFile.open(drive.file(), drive.snapshot());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot attach the disk: " + e.getMessage(), e);
        }
    }

    /** Writes the guest's changes back to the file, and closes it. */
    private static void close(DiskFile disk) {
        try {
            disk.close();
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the disk file " + disk.file() + " back: "
                    + e.getMessage(), e);
        }
    }

    private MatchResult await(Pattern pattern, String wanted, Budget limit) {
        requireOpen();
        long lastInstruction = machine.instructions() + limit.instructions();
        long deadline = deadline(limit);
        MachineStop stalled = null;
        while (true) {
            Matcher matcher = matcher(pattern);
            if (matcher.find()) {
                searchFrom = matcher.end();
                return matcher.toMatchResult();
            }
            if (end != null) {
                throw notSeen(wanted, limit, end);
            }
            if (stalled != null) {
                throw notSeen(wanted, limit, ending(stalled));
            }
            awaited = pattern;
            MachineStop stop;
            try {
                stop = run(lastInstruction - machine.instructions(), deadline);
            } finally {
                awaited = null;
            }
            boolean budgetUsed = stop.kind() == MachineStop.Kind.OUT_OF_INSTRUCTIONS
                    && machine.instructions() >= lastInstruction;
            if (budgetUsed || stop.kind() == MachineStop.Kind.OUT_OF_TIME || stop.kind() == MachineStop.Kind.HUNG) {
                stalled = stop;
            }
        }
    }

    private AssertionFailedError notSeen(String wanted, Budget limit, GuestEnd ending) {
        StringBuilder message = new StringBuilder("waited for ").append(wanted)
                .append(" on the console of ").append(imageName)
                .append(" (budget: ").append(limit).append("), but ").append(ending).append('\n');
        if (searchFrom > 0) {
            message.append("(earlier waits had matched the output up to character ").append(searchFrom)
                    .append("; only what follows was searched)\n");
        }
        return new AssertionFailedError(message.append(ConsoleExcerpt.of(output())).toString());
    }

    /** Runs the guest; a final stop is remembered, as the guest cannot go on from it. */
    private MachineStop run(long instructions, long deadline) {
        MachineStop stop = machine.run(instructions, deadline, NOTHING_BETWEEN_SLICES);
        if (GuestEnd.isFinal(stop.kind())) {
            end = ending(stop);
        }
        return stop;
    }

    private GuestEnd ending(MachineStop stop) {
        return new GuestEnd(stop, exitStatus());
    }

    /** The status line's value, if the output so far ends with one. */
    private OptionalInt exitStatus() {
        ConsoleProtocol protocol = new ConsoleProtocol(OutputStream.nullOutputStream());
        try {
            console.writeTo(protocol);
            protocol.close();
        } catch (IOException e) {
            throw new UncheckedIOException("the console protocol cannot fail on a null sink", e);
        }
        return protocol.exitStatus();
    }

    private static long deadline(Budget limit) {
        return System.nanoTime() + limit.time().toNanos();
    }

    private NativeRam ram() {
        requireOpen();
        return machine.ram();
    }

    private long inRam(String location, int length) {
        long address = address(location);
        if (!ram().contains(address, length)) {
            throw new IllegalArgumentException(String.format(
                    "%s is at 0x%08x, and the %d bytes there are not in RAM (0x0 to 0x%x)",
                    location, address, length, ram().size()));
        }
        return address;
    }

    private void requireOpen() {
        if (closed) {
            throw new IllegalStateException("the session with " + imageName + " is closed");
        }
    }

    /** The text as a Java string literal, so that line ends and control characters show. */
    private static String quoted(String text) {
        StringBuilder literal = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '\n' -> literal.append("\\n");
                case '\r' -> literal.append("\\r");
                case '\t' -> literal.append("\\t");
                case '"' -> literal.append("\\\"");
                case '\\' -> literal.append("\\\\");
                default -> literal.append(c < ' ' || c == 0x7f ? String.format("\\u%04x", (int) c) : c);
            }
        }
        return literal.append('"').toString();
    }

    /** The console's bytes, read in place. */
    private static final class ConsoleBytes extends ByteArrayOutputStream {
        String decode(int from, int to) {
            return new String(buf, from, to - from, StandardCharsets.UTF_8);
        }

        /** The bytes up to the start of a UTF-8 character the last ones begin but do not finish. */
        int completeCharacters() {
            for (int lead = count - 1; lead >= Math.max(0, count - 4); lead--) {
                int b = buf[lead] & 0xff;
                if ((b & 0xc0) != 0x80) {
                    int length = b < 0x80 ? 1 : b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : b >= 0xc0 ? 2 : 1;
                    return lead + length > count ? lead : count;
                }
            }
            return count;
        }
    }
}
