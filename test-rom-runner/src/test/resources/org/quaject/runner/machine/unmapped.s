| A read of an address where the board has nothing (past RAM, below the
| devices): the runner ends the run as a crash naming the address and the
| PC of the instruction. (QEMU reads 0 there; board-virt68030.md.)
        .include "tap.inc"

main:
        tap_plan 1
        expect  #1, #1, "about to read unmapped memory"
        .globl  unmapped_read_at
unmapped_read_at:
        move.l  0x40000000,d0
        finish
