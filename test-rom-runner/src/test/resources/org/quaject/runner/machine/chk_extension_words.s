| CHK with extension words: the stacked PC is that of the next instruction,
| past the operand's extension words (UM 8.1.3, table 8-2; CHK in the M68000
| Family Programmer's Reference Manual). QEMU 7.2 stacks the CHK's address
| plus 2 instead, pointing into the instruction, so this fixture is not
| compared with it.
        .include "tap.inc"

main:
        tap_plan 12

| A bound in memory, (d16,An): a four-byte CHK.
        catch   VEC_CHK
        lea     bounds,a0
        move.w  #500,d0
memory_at:
        chk.w   2(a0),d0
memory_next:
        expect_frame 2, VEC_CHK, #memory_next, "CHK.W 2(A0) above the bound", "past the displacement"
        expect  caught_frame+8, #memory_at, "CHK.W 2(A0) above the bound: the CHK's address"

| An immediate bound: a four-byte CHK.W and a six-byte CHK.L.
        catch   VEC_CHK
        moveq   #-1,d0
word_at:
        chk.w   #10,d0
word_next:
        expect_frame 2, VEC_CHK, #word_next, "CHK.W #10 below 0", "past the immediate"
        expect  caught_frame+8, #word_at, "CHK.W #10 below 0: the CHK's address"
        catch   VEC_CHK
        move.l  #0x20000,d0
long_at:
        chk.l   #0x1ffff,d0
long_next:
        expect_frame 2, VEC_CHK, #long_next, "CHK.L #0x1ffff above the bound", "past the immediate"
        expect  caught_frame+8, #long_at, "CHK.L #0x1ffff above the bound: the CHK's address"
        finish

        .data
bounds: .word   0, 400
