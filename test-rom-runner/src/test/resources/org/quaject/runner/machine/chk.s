| CHK (UM 8.1.3 and table 8-2; CHK in the M68000 Family Programmer's
| Reference Manual): a register outside 0..bound takes vector 6 with a
| format $2 frame: the PC of the next instruction and the address of the
| CHK. N says which bound failed (set below 0, clear above the bound); Z, V
| and C are undefined, so the checks mask them out; X is not affected.
| The bounds here are registers: for a CHK with extension words QEMU 7.2
| stacks another PC (chk_extension_words.s).
        .include "tap.inc"

        .equ    STACKED_DEFINED, 0xff00+CCR_X+CCR_N

main:
        tap_plan 25

| In range, both ends included: no exception.
        catch   VEC_CHK
        moveq   #100,d1
        moveq   #0,d0
        chk.w   d1,d0
        moveq   #100,d0
        chk.w   d1,d0
        expect  caught_count, #0, "CHK.W does not trap for 0 and for the bound"

| Below 0, with X set: N is stacked set, X kept; RTE resumes after the CHK
| with the six-word frame popped.
        catch   VEC_CHK
        move.l  sp,sp_before
        moveq   #-1,d0
        move.w  #0x2700+CCR_X,sr
below_at:
        chk.w   d1,d0
below_next:
        move.l  sp,sp_after
        expect_frame 2, VEC_CHK, #below_next, "CHK.W below 0", "the next instruction"
        expect  caught_frame+8, #below_at, "CHK.W below 0: the CHK's address"
        expect_word caught_frame, 0x2700+CCR_X+CCR_N, "CHK.W below 0: N set, X kept", STACKED_DEFINED
        expect_word caught_sr, 0x2700, "CHK.W below 0: handler in supervisor mode, no trace", 0xff00
        move.l  sp_before,d0
        moveq   #12,d1
        sub.l   d1,d0
        expect  caught_sp, d0, "CHK.W below 0: the frame is 12 bytes"
        expect  sp_after, sp_before, "RTE pops the six-word frame"

| Above the bound: N is stacked clear.
        catch   VEC_CHK
        moveq   #100,d1
        moveq   #101,d0
        move.w  #0x2700+CCR_N,sr
above_at:
        chk.w   d1,d0
above_next:
        expect_frame 2, VEC_CHK, #above_next, "CHK.W above the bound", "the next instruction"
        expect  caught_frame+8, #above_at, "CHK.W above the bound: the CHK's address"
        expect_word caught_frame, 0x2700, "CHK.W above the bound: N clear", STACKED_DEFINED

| CHK.L (68020 on) compares all 32 bits: 0x10000 is above a bound of 0xffff,
| and 0x80000000 is below 0.
        catch   VEC_CHK
        move.l  #0xffff,d1
        move.l  #0x10000,d0
long_above_at:
        chk.l   d1,d0
long_above_next:
        expect_frame 2, VEC_CHK, #long_above_next, "CHK.L above the bound", "the next instruction"
        expect  caught_frame+8, #long_above_at, "CHK.L above the bound: the CHK's address"
        catch   VEC_CHK
        move.l  #0x80000000,d0
        chk.l   d1,d0
        expect_word caught_frame, 0x2700+CCR_N, "CHK.L below 0: N set", STACKED_DEFINED

| From user mode: the frame goes on the supervisor stack with the user SR.
        catch   VEC_CHK
        moveq   #-5,d0
        moveq   #10,d1
        enter_user
user_at:
        chk.w   d1,d0
user_next:
        enter_supervisor
        expect_frame 2, VEC_CHK, #user_next, "CHK.W in user mode", "the next instruction"
        expect  caught_frame+8, #user_at, "CHK.W in user mode: the CHK's address"
        expect_word caught_frame, CCR_N, "CHK.W in user mode: the user SR, N set", STACKED_DEFINED
        expect_word caught_sr, SR_S, "CHK.W in user mode: handler in supervisor mode", 0xff00
        finish

        .bss
sp_before:      .space  4
sp_after:       .space  4
