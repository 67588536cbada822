| goldfish-tty input as QEMU 7.2 implements it (board-virt68030.md): by
| polling BYTES_READY and copying with READ_BUFFER, and by interrupt: with
| CMD INT_ENABLE the line (PIC 1 IRQ #32, level 1) is high while input
| waits, INT_DISABLE lowers it. The Java side types "abcdef"; on QEMU it
| may arrive in pieces, so the fixture waits for the bytes it needs.
        .include "tap.inc"

| Reads one byte per interrupt into `typed` and counts; returns at once, so
| that while more input waits the interrupt is taken again after the RTE.
level1_handler:
        move.l  2(sp),l1_pc
        move.l  a0,-(sp)
        move.l  read_at,a0
        move.l  a0,TTY+TTY_DATA_PTR
        move.l  #1,TTY+TTY_DATA_LEN
        move.l  #TTY_READ_BUFFER,TTY+TTY_CMD
        addq.l  #1,read_at
        addq.l  #1,interrupts
        movea.l (sp)+,a0
        rte

| wait_for N: polls BYTES_READY until at least N bytes wait.
        .macro  wait_for count
.Lwait\@:
        cmp.l   #\count,TTY+TTY_BYTES_READY
        bcs.s   .Lwait\@
        .endm

main:
        tap_plan 12
        move.l  #level1_handler,(VEC_AUTOVECTOR+1)*4
        move.l  #0x80000000,PIC1+PIC_ENABLE

| Polling: three bytes copied by READ_BUFFER, which leaves the rest.
        wait_for 3
        move.l  #polled,TTY+TTY_DATA_PTR
        move.l  #3,TTY+TTY_DATA_LEN
        move.l  #TTY_READ_BUFFER,TTY+TTY_CMD
        expect  polled, #0x61626300, "READ_BUFFER copies the first three bytes typed"
        wait_for 3
        expect  TTY+TTY_BYTES_READY, #3, "BYTES_READY counts the three left"
        expect  PIC1+PIC_PENDING, #0, "with interrupts disabled the line is low"

| INT_ENABLE raises the line while input waits; INT_DISABLE lowers it.
        move.l  #TTY_INT_ENABLE,TTY+TTY_CMD
        expect  PIC1+PIC_PENDING, #0x80000000, "INT_ENABLE with input waiting raises IRQ #32"
        move.l  #TTY_INT_DISABLE,TTY+TTY_CMD
        expect  PIC1+PIC_PENDING, #0, "INT_DISABLE lowers it"
        move.l  #TTY_INT_ENABLE,TTY+TTY_CMD

| By interrupt: STOP lets level 1 in; each interrupt reads one byte, and
| the line stays high until the last is read, so it is taken three times,
| each time right after the previous RTE.
        move.l  #interrupted,read_at
        stop    #0x2000
after_stop:
        move.w  #0x2700,sr
        expect  interrupts, #3, "one interrupt per waiting byte"
        expect  interrupted, #0x64656600, "the handler read the last three bytes"
        expect  l1_pc, #after_stop, "each taken right after the STOP, before anything else ran"
        expect  TTY+TTY_BYTES_READY, #0, "nothing waits any more"
        expect  PIC1+PIC_PENDING, #0, "and the line is low with interrupts still enabled"
        expect  PIC1+PIC_STATUS, #0, "STATUS agrees"

| With no input waiting, INT_DISABLE and INT_ENABLE leave the line low.
        move.l  #TTY_INT_DISABLE,TTY+TTY_CMD
        move.l  #TTY_INT_ENABLE,TTY+TTY_CMD
        expect  PIC1+PIC_PENDING, #0, "INT_ENABLE with nothing waiting leaves the line low"
        finish

        .bss
polled:         .space  4
interrupted:    .space  4
read_at:        .space  4
interrupts:     .space  4
l1_pc:          .space  4
