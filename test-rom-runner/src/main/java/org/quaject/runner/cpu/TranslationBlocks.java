package org.quaject.runner.cpu;

import com.sun.jna.Memory;
import com.sun.jna.Pointer;
import java.util.LinkedHashSet;
import java.util.NavigableSet;
import java.util.Set;
import java.util.TreeSet;

/**
 * The engine's cache of translated code, as far as exact runs need it: how
 * many instructions the block at an address holds, dropping translations of
 * changed guest bytes, and running exactly one instruction. Whatever may
 * translate goes through the {@link CoreGuard} and throws {@link CoreCrash}
 * when the core crashed.
 *
 * <p>A single step uses Unicorn's exit addresses (uc_ctl UC_CTL_UC_EXITS),
 * which the translator turns into a clean stop that ends the block before
 * them. The length of the instruction at PC is not known without decoding it,
 * so every even address the next instruction could start at becomes an exit;
 * translations made meanwhile are dropped again afterwards, since the exits
 * are compiled into them.
 *
 * <p>Standing exits stay set between steps: a run stops cleanly before the
 * instruction at one (the watched CAS). Every translation is made with all
 * of them, so adding one drops the translations that cover its address; a
 * step leaves out the exit at its own address and drops what it translated
 * there again.
 *
 * <p>Dropped translations are not free: the core translates into one code
 * buffer (1 GB in Unicorn 2.0.1) and gets the space of a dropped block back
 * only when the whole cache is flushed. Steps and exits drop blocks (a step
 * the blocks covering its instruction, and Unicorn, after each run with
 * exits, the blocks that end at an exit), and the loop that runs them
 * translates them again; a stress run does that millions of times. Once the
 * buffer is used up, Unicorn 2.0.1 writes new blocks over old ones that its
 * page lists still hold (no tb_flush is called), and the next walk of such a
 * list crashes the process (seen in tb_invalidate_phys_range and
 * page_collection_lock). So the runs account for the blocks they may drop,
 * and the cache is flushed, between two runs, long before what they could
 * have translated again fills the buffer. A flush is not cheap either:
 * Unicorn 2.0.1 clears the whole buffer (a 1 GB memset, about 30 ms), so
 * the count is kept close to what runs really drop.
 */
final class TranslationBlocks {
    /**
     * Bytes of guest code a block translation may read beyond its start PC:
     * QEMU's m68k translator assumes instructions of up to 32 bytes
     * (target/m68k/translate.c, where it ends blocks near a page boundary).
     */
    static final int LOOKAHEAD = 32;

    private static final int EXIT_COUNT = Cpu.LONGEST_INSTRUCTION / 2;

    /**
     * Host code that translations made again may take between two flushes:
     * half of Unicorn 2.0.1's 1 GB buffer, the other half being left to the
     * code translated once.
     */
    static final long RETRANSLATION_BYTES_PER_FLUSH = 512L << 20;

    /**
     * Host code one block takes at most, with its descriptor and search
     * data: 64 KB of code (tcg_gen_code gives up on a block whose code would
     * not fit its unwind information, and tb_gen_code translates it again
     * with half the instructions), 4 KB for the rest.
     */
    static final long BLOCK_BYTES = 68 << 10;

    /**
     * Host code one guest instruction adds to a block at most, with the
     * runner's instruction hook: the heaviest (MOVEM of 16 registers, a load
     * or store each) take under 2 KB. Measured with a uprobe on
     * tcg_gen_code's result, the blocks of the queues example take 465
     * bytes on average and 1,776 at most.
     */
    static final long INSTRUCTION_BYTES = 4 << 10;

    /**
     * Bytes of guest code one block covers at most: QEMU's m68k translator
     * ends a block once it reaches 32 bytes before a page's end.
     */
    private static final long BLOCK_SPAN = 4096 + LOOKAHEAD;

    private final long uc;
    private final RegisterWrites pending;
    private final Memory blockInfo = new Memory(Unicorn.UC_TB_SIZE);
    private final NavigableSet<Long> standing = new TreeSet<>();
    private Memory exits = new Memory((long) Long.BYTES * EXIT_COUNT);
    /** Host code the translations dropped since the last flush may take when made again. */
    private long bytesSinceFlush;
    /** What the run in progress drops itself (a step's blocks), counted once it ends. */
    private long ownBytes;

    /** @param pending register writes to send before a translation or a run (SR's mode selects the code) */
    TranslationBlocks(long uc, RegisterWrites pending) {
        this.uc = uc;
        this.pending = pending;
    }

    /** A translated block: its instructions and its length in guest bytes. */
    record Block(int instructions, int bytes) {
    }

    /**
     * The block that starts at {@code pc}, translating it if need be, or an
     * empty one if Unicorn could not. The caller must make sure
     * {@code [pc, pc + LOOKAHEAD)} is mapped RAM: asked about an instruction
     * that runs into unmapped memory, Unicorn 2.0.1 crashes the process
     * rather than reporting an error.
     */
    Block blockAt(long pc) {
        pending.flush();
        int err = CoreGuard.ctl(uc, Unicorn.CTL_REQUEST_CACHE, pc, Pointer.nativeValue(blockInfo));
        if (err == CoreGuard.CRASHED) {
            throw new CoreCrash();
        }
        if (err != Unicorn.UC_ERR_OK) {
            return new Block(0, 0);
        }
        return new Block(Short.toUnsignedInt(blockInfo.getShort(Unicorn.UC_TB_ICOUNT)),
                Short.toUnsignedInt(blockInfo.getShort(Unicorn.UC_TB_BYTES)));
    }

    /** Drops every translation of guest bytes in {@code [address, address + length)}; {@code address} must be RAM. */
    void invalidate(long address, long length) {
        Unicorn.check(Unicorn.uc_ctl(uc, Unicorn.CTL_REMOVE_CACHE, address, address + length),
                "dropping translated code");
    }

    /** Makes a run stop before the instruction at {@code address}, from now on; {@code address} must be RAM. */
    void addStandingExit(long address) {
        if (standing.add(address)) {
            setExits(standing, -1);
            invalidate(address, 2);
        }
    }

    /** Whether a run stops before an instruction at {@code address}. */
    boolean isStandingExit(long address) {
        return standing.contains(address);
    }

    /**
     * Runs the instruction at {@code pc}, which must be in RAM, and returns
     * uc_emu_start's result. The run stops before the next instruction if
     * that follows in line; if the instruction branches or raises an
     * exception, the caller's {@link RunGate} must stop it where the next
     * block begins.
     *
     * <p>The step drops its own one-instruction block and the blocks that
     * cover the instruction. Stepping straight on through a block whose
     * instruction count is known (the caller found it too long for its
     * budget), the blocks covering the next instruction are that block's
     * own (dropped at the sequence's first step) or ones that start inside
     * it at a branch target, which end where it ends and so hold no more
     * instructions than it: two of them are counted. Otherwise a block
     * starting anywhere before the instruction may cover it: two blocks of
     * the largest size are counted.
     *
     * @param coveringInstructions instructions of the block being stepped
     *                             straight through, or 0 if none is known
     */
    int runOne(long pc, int coveringInstructions) {
        Set<Long> stepExits = new LinkedHashSet<>(standing);
        for (int i = 0; i < EXIT_COUNT; i++) {
            stepExits.add(pc + 2L * (i + 1));
        }
        pending.flush();
        makeRoom(blockBytes(1) + 2 * (coveringInstructions > 0 ? blockBytes(coveringInstructions) : BLOCK_BYTES));
        invalidate(pc, Cpu.LONGEST_INSTRUCTION + 2);
        setExits(stepExits, pc);
        int err = CoreGuard.emuStart(uc, pc, 0, 0, 0);
        if (err == CoreGuard.CRASHED) {
            throw new CoreCrash();
        }
        setExits(standing, -1);
        invalidate(pc, Cpu.LONGEST_INSTRUCTION + 2);
        return err;
    }

    /**
     * Runs whole blocks from {@code pc} until the caller's {@link RunGate}
     * or a standing exit stops the run, and returns uc_emu_start's result.
     */
    int run(long pc) {
        pending.flush();
        makeRoom(0);
        int err = CoreGuard.emuStart(uc, pc, 0, 0, 0);
        if (err == CoreGuard.CRASHED) {
            throw new CoreCrash();
        }
        return err;
    }

    /**
     * After each run: counts what it may have dropped, its own blocks and
     * those Unicorn drops because they end at a standing exit. A block is
     * translated when the run is about to execute it, and a run stops at the
     * first exit it reaches; so the blocks ending at exits that a run
     * translated are at most the one it ended in or was stopped before, if
     * an exit lies within a block's span after that point, and one for each
     * exception raised in the middle of a block, which sends the run
     * elsewhere before the block's end.
     *
     * @param stoppedAt              where the run's gate stopped it, or -1
     *                               if the run ended otherwise (at an exit,
     *                               a STOP or an error)
     * @param exceptionsInsideBlocks exceptions the core raised during the
     *                               run in the middle of a block
     */
    void ran(long stoppedAt, int exceptionsInsideBlocks) {
        long last = stoppedAt < 0 || exitWithinBlockSpan(stoppedAt) ? 1 : 0;
        bytesSinceFlush += ownBytes + BLOCK_BYTES * Math.min(standing.size(), last + exceptionsInsideBlocks);
        ownBytes = 0;
    }

    /** Host code a block of {@code instructions} takes at most. */
    static long blockBytes(int instructions) {
        return Math.min(BLOCK_BYTES, (instructions + 1L) * INSTRUCTION_BYTES);
    }

    private boolean exitWithinBlockSpan(long address) {
        Long next = standing.higher(address);
        return next != null && next <= address + BLOCK_SPAN;
    }

    /**
     * Flushes the cache if the coming run, dropping {@code own} bytes of
     * blocks of its own, could take the count past
     * {@link #RETRANSLATION_BYTES_PER_FLUSH}; between runs, where a flush
     * is safe.
     */
    private void makeRoom(long own) {
        long worst = own + BLOCK_BYTES * standing.size();
        if (bytesSinceFlush + worst > RETRANSLATION_BYTES_PER_FLUSH) {
            Unicorn.check(Unicorn.uc_ctl(uc, Unicorn.CTL_FLUSH_CACHE, 0), "flushing translated code");
            bytesSinceFlush = 0;
        }
        ownBytes = own;
    }

    /** Sets the engine's exits to {@code addresses} but {@code except}. */
    private void setExits(Set<Long> addresses, long except) {
        if (exits.size() < (long) Long.BYTES * addresses.size()) {
            exits = new Memory((long) Long.BYTES * addresses.size() * 2);
        }
        int count = 0;
        for (long address : addresses) {
            if (address != except) {
                exits.setLong((long) Long.BYTES * count++, address);
            }
        }
        Unicorn.check(Unicorn.uc_ctl(uc, Unicorn.CTL_SET_EXITS, Pointer.nativeValue(exits), count),
                "setting exit addresses");
    }
}
