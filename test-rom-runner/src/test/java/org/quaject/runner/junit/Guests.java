package org.quaject.runner.junit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.quaject.testing.CrossToolchain;

/**
 * Hand-written images for the JUnit support's tests, linked with
 * {@link CrossToolchain#link}. Device addresses and commands are from
 * board-virt68030.md: goldfish-tty at 0xff008000, virt-ctrl at 0xff009000.
 */
final class Guests {

    /** How an image made by {@link #printing} ends once its text is out. */
    enum Ending {
        /** virt-ctrl HALT: a normal end. */
        HALT("    move.l #CMD_HALT,VIRT_CTRL_CMD\n1:  bra 1b\n"),
        /** virt-ctrl PANIC. */
        PANIC("    move.l #CMD_PANIC,VIRT_CTRL_CMD\n1:  bra 1b\n"),
        /** An endless loop: only a budget ends it. */
        SPIN("1:  bra 1b\n"),
        /** STOP with every interrupt masked: nothing can ever wake the CPU. */
        STOP("    stop #0x2700\n");

        final String code;

        Ending(String code) {
            this.code = code;
        }
    }

    /** Register offsets and commands of the two devices, and the stack every image starts with. */
    private static final String BOARD = """
                .equ    TTY_PUT_CHAR, 0xff008000
                .equ    TTY_BYTES_READY, 0xff008004
                .equ    TTY_CMD, 0xff008008
                .equ    TTY_DATA_PTR, 0xff008010
                .equ    TTY_DATA_LEN, 0xff008014
                .equ    TTY_CMD_READ_BUFFER, 3
                .equ    VIRT_CTRL_CMD, 0xff009004
                .equ    CMD_HALT, 2
                .equ    CMD_PANIC, 3

                .globl  _start
                .text
            | The board boots with A7 = 0; give the subroutines a stack.
            _start:
                lea     stack_top,sp
                bra     main
            """;

    /** Console subroutines the images share. */
    private static final String CONSOLE = """
            | puts: print the NUL-terminated string at a0. Clobbers d0, a0.
            puts:
                moveq   #0,d0
            1:  move.b  (a0)+,d0
                beq.s   2f
                move.l  d0,TTY_PUT_CHAR
                bra.s   1b
            2:  rts

            | getc: wait for a byte of console input and return it in d0.l.
            | Reads exactly one byte: QEMU 7.2 aborts when READ_BUFFER asks
            | for more than BYTES_READY.
            getc:
                tst.l   TTY_BYTES_READY
                beq.s   getc
                move.l  #input_byte,TTY_DATA_PTR
                move.l  #1,TTY_DATA_LEN
                move.l  #TTY_CMD_READ_BUFFER,TTY_CMD
                moveq   #0,d0
                move.b  input_byte,d0
                rts

                .bss
            input_byte:
                .space  2
                .space  256
            stack_top:
                .text
            """;

    /**
     * Prompts with {@code "> "}, then echoes console input a byte at a time,
     * counting the bytes echoed in D7 and at {@code echoed}. Input {@code ?}
     * prints the byte at {@code mark} instead, so a test can see the guest
     * read what it wrote; {@code .} says goodbye with exit status 5 and
     * halts. Its data has values of each size at known symbols, and it
     * declares test input.
     */
    static final String INTERACTIVE = BOARD + CONSOLE + """
            main:
                moveq   #0,d7
                lea     prompt,a0
                bsr     puts
            | Echo until a '.'; a '?' becomes the byte at mark.
            next:
                bsr     getc
                cmp.b   #'.',d0
                beq.s   goodbye
                cmp.b   #'?',d0
                bne.s   echo
                move.b  mark,d0
            echo:
                addq.l  #1,d7
                move.l  d7,echoed
                move.l  d0,TTY_PUT_CHAR
                bra.s   next
            | The status line carries the exit status to the host.
            goodbye:
                lea     farewell,a0
                bsr     puts
                move.l  #CMD_HALT,VIRT_CTRL_CMD
            1:  bra.s   1b

                .section .rodata
            prompt:
                .asciz  "> "
            farewell:
                .asciz  "\\nbye\\n# qj-exit: 5\\n"

            | Values the tests read and write by symbol, one after the other.
                .data
            echoed:
                .long   0
            pattern:
                .long   0x12345678
            flag:
                .word   0xbeef
            mark:
                .byte   'M'
            greeting:
                .asciz  "quaject"

            | The console input its tests declare: not loaded, read by the host.
                .section .qj.input,""
                .ascii  "declared"
            """;

    /**
     * Test mode as an image built by the compiler does it, for a test that
     * reads input: passes only if the first byte of console input is the
     * {@code y} it declares.
     */
    static final String READS_DECLARED_INPUT = BOARD + CONSOLE + """
            main:
                bsr     getc
                lea     passed,a0
                cmp.b   #'y',d0
                beq.s   1f
                lea     failed,a0
            1:  bsr     puts
                move.l  #CMD_HALT,VIRT_CTRL_CMD
            2:  bra.s   2b

                .section .rodata
            passed:
                .asciz  "1..1\\nok 1 - reads its input\\n# qj-exit: 0\\n"
            failed:
                .asciz  "1..1\\nnot ok 1 - reads its input # not the declared input\\n# qj-exit: 1\\n"

                .section .qj.input,""
                .ascii  "y"
            """;

    /**
     * Bumps {@code counter} with a CAS loop until goldfish-rtc #0's handler,
     * which bumps it too and re-arms the alarm a second on, has run 50 times;
     * then prints "done" and halts. With alarms as programmed that takes 50 s
     * of guest time; in the runner's preemption mode a few thousand
     * instructions.
     */
    static final String PREEMPTED = BOARD + CONSOLE + """
                .equ    RTC0, 0xff006000
                .equ    PIC6_ENABLE, 0xff005010
            main:
                move.l  #tick,30*4
                move.l  #1,PIC6_ENABLE
                move.l  #1,RTC0+0x10
                bsr     arm
                move.w  #0x2000,sr
            | The main line's CAS loop, until the handler has run 50 times.
            1:  bsr     bump
                cmp.l   #50,ticks
                blo.s   1b
                move.w  #0x2700,sr
                lea     done,a0
                bsr     puts
                move.l  #CMD_HALT,VIRT_CTRL_CMD
            2:  bra.s   2b

            bump:
                move.l  counter,d0
                move.l  d0,d1
                addq.l  #1,d1
                cas.l   d0,d1,counter
                bne.s   bump
                rts

            | Level 6: lower the line, bump, count, and arm the alarm a second on.
            tick:
                movem.l d0-d1,-(sp)
                move.l  #1,RTC0+0x1c
                bsr     bump
                addq.l  #1,ticks
                bsr     arm
                movem.l (sp)+,d0-d1
                rte

            arm:
                move.l  RTC0+0x00,d0
                move.l  RTC0+0x04,d1
                add.l   #1000000000,d0
                bcc.s   1f
                addq.l  #1,d1
            1:  move.l  d1,RTC0+0x0c
                move.l  d0,RTC0+0x08
                rts

                .section .rodata
            done:
                .asciz  "done\n"
                .bss
            counter:
                .space  4
            ticks:
                .space  4
                .text
            """;

    private Guests() {
    }

    /**
     * An image that prints {@code text}, then ends as {@code ending} says. Its
     * {@code qj_test_N_name} strings hold {@code testNames}, as a compiled
     * image's do.
     */
    static String printing(String text, Ending ending, String... testNames) {
        StringBuilder source = new StringBuilder(BOARD).append(CONSOLE).append("""
                main:
                    lea     text,a0
                    bsr     puts
                """).append(ending.code).append("""
                    .section .rodata
                text:
                    .asciz  %s
                """.formatted(literal(text)));
        for (int n = 1; n <= testNames.length; n++) {
            source.append("qj_test_").append(n).append("_name:\n    .asciz  ").append(literal(testNames[n - 1]))
                    .append('\n');
        }
        return source.toString();
    }

    static Path link(Path dir, String source) throws IOException, InterruptedException {
        return CrossToolchain.link(dir, "guest", source);
    }

    /** A GNU as string literal of the text's UTF-8 bytes. */
    private static String literal(String text) {
        StringBuilder literal = new StringBuilder("\"");
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (c == '"' || c == '\\') {
                literal.append('\\').append((char) c);
            } else if (c >= ' ' && c < 0x7f) {
                literal.append((char) c);
            } else {
                literal.append(String.format("\\%03o", c));
            }
        }
        return literal.append('"').toString();
    }
}
