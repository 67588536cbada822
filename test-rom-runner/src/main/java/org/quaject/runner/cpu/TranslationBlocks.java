package org.quaject.runner.cpu;

import com.sun.jna.Memory;
import com.sun.jna.Pointer;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The engine's cache of translated code, as far as exact runs need it: how
 * many instructions the block at an address holds, dropping translations of
 * changed guest bytes, and running exactly one instruction.
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
     * Blocks that runs may drop and translate again before the cache is
     * flushed: as many as fit in half of the 1 GB buffer at 16 KB each. The
     * bound is what blocks really take rather than what TCG would allow
     * (64 KB of host code, as tb_gen_code halves a larger block): measured
     * with a uprobe on tcg_gen_code's result over the queues example on
     * Unicorn 2.0.1, 19,000 translations between two flushes took 465 bytes
     * each on average and 1,776 at most, so 16 KB leaves a margin of nine
     * times the largest.
     */
    static final int DROPS_PER_FLUSH = 32768;

    private final long uc;
    private final Memory blockInfo = new Memory(Unicorn.UC_TB_SIZE);
    private final Set<Long> standing = new LinkedHashSet<>();
    private Memory exits = new Memory((long) Long.BYTES * EXIT_COUNT);
    /** Blocks the runs since the last flush may have dropped and translated again. */
    private long dropsSinceFlush;
    /** Blocks the run in progress drops itself (a step's), counted once it ends. */
    private int ownDrops;

    TranslationBlocks(long uc) {
        this.uc = uc;
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
        int err = Unicorn.uc_ctl(uc, Unicorn.CTL_REQUEST_CACHE, pc, Pointer.nativeValue(blockInfo));
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
     */
    int runOne(long pc) {
        Set<Long> stepExits = new LinkedHashSet<>(standing);
        for (int i = 0; i < EXIT_COUNT; i++) {
            stepExits.add(pc + 2L * (i + 1));
        }
        // The blocks covering the instruction: the one it starts (translated to learn its length) and the step's.
        makeRoom(2);
        invalidate(pc, Cpu.LONGEST_INSTRUCTION + 2);
        setExits(stepExits, pc);
        int err = Unicorn.uc_emu_start(uc, pc, 0, 0, 0);
        setExits(standing, -1);
        invalidate(pc, Cpu.LONGEST_INSTRUCTION + 2);
        return err;
    }

    /**
     * Runs whole blocks from {@code pc} until the caller's {@link RunGate}
     * or a standing exit stops the run, and returns uc_emu_start's result.
     */
    int run(long pc) {
        makeRoom(0);
        return Unicorn.uc_emu_start(uc, pc, 0, 0, 0);
    }

    /**
     * After each run: counts the blocks it may have dropped, its own and
     * those Unicorn drops because they end at a standing exit. A block is
     * translated when the run is about to execute it, and a run stops at the
     * first exit it reaches; so the blocks ending at exits that one run
     * translated are the one it stopped at, and one more for each exception
     * taken in the middle of such a block, which sends the run elsewhere.
     *
     * @param exceptionsTaken the exceptions the core reported during the run
     */
    void ran(int exceptionsTaken) {
        dropsSinceFlush += ownDrops + Math.min(standing.size(), 1L + exceptionsTaken);
        ownDrops = 0;
    }

    /**
     * Flushes the cache if the coming run, with {@code own} blocks of its
     * own to drop, could take the count past {@link #DROPS_PER_FLUSH};
     * between runs, where a flush is safe.
     */
    private void makeRoom(int own) {
        if (dropsSinceFlush + own + standing.size() > DROPS_PER_FLUSH) {
            Unicorn.check(Unicorn.uc_ctl(uc, Unicorn.CTL_FLUSH_CACHE, 0), "flushing translated code");
            dropsSinceFlush = 0;
        }
        ownDrops = own;
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
