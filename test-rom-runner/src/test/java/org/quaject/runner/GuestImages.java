package org.quaject.runner;

/**
 * Sources of tiny hand-written images for the virt68030 board (addresses from
 * board-virt68030.md: goldfish-tty at 0xff008000, virt-ctrl at 0xff009000,
 * goldfish-rtc #0 at 0xff006000), to be linked with
 * {@link org.quaject.testing.CrossToolchain#link}.
 */
final class GuestImages {
    /** Prints its text a byte at a time (PUT_CHAR), then HALTs (virt-ctrl CMD 2). */
    static final String HELLO = """
                .globl _start
                .text
            _start:
                lea text,a0
            next:
                move.b (a0)+,d0
                beq halt
                move.l d0,0xff008000
                bra next
            halt:
                move.l #2,0xff009004
            stop:
                bra stop
            text:
                .asciz "hello\\n1..1\\nok 1 - greets\\n# qj-exit: 7\\n"
            """;

    /** Prints X, then PANICs (virt-ctrl CMD 3). */
    static final String PANIC = """
                .globl _start
                .text
            _start:
                move.l #'X',0xff008000
                move.l #3,0xff009004
            stop:
                bra stop
            """;

    static final String LOOP = """
                .globl _start
                .text
            _start:
                bra _start
            """;

    /**
     * Echoes console input until it reads a '.', then HALTs. QEMU 7.2 aborts
     * when READ_BUFFER asks for more than BYTES_READY, so it asks for exactly that.
     */
    static final String ECHO = """
                .globl _start
                .text
            _start:
            poll:
                move.l 0xff008004,d1
                beq poll
                move.l #buffer,0xff008010
                move.l d1,0xff008014
                move.l #3,0xff008008
                lea buffer,a0
                subq.l #1,d1
            copy:
                move.b (a0)+,d0
                cmp.b #'.',d0
                beq halt
                move.l d0,0xff008000
                dbra d1,copy
                bra poll
            halt:
                move.l #2,0xff009004
            stop:
                bra stop
                .bss
            buffer:
                .space 256
            """;

    /**
     * Reads the RTC before and after 2000 loop instructions and prints the
     * difference in hex: the guest time 2002 instructions took.
     */
    static final String CLOCK = """
                .globl _start
                .text
            _start:
                move.l 0xff006000,d3
                move.l #1000,d0
            spin:
                subq.l #1,d0
                bne.s spin
                move.l 0xff006000,d4
                sub.l d3,d4
                moveq #7,d1
            digit:
                rol.l #4,d4
                moveq #15,d2
                and.l d4,d2
                move.b digits(pc,d2.w),d2
                move.l d2,0xff008000
                dbra d1,digit
                move.l #2,0xff009004
            stop:
                bra.s stop
            digits:
                .ascii "0123456789abcdef"
            """;

    /** Instructions from the first RTC read of {@link #CLOCK} to its second. */
    static final long CLOCK_INSTRUCTIONS = 2002;

    private GuestImages() {
    }
}
