| TRAPV (UM 8.1.3 and table 8-2): when V is set, vector 7 with a format $2
| frame: the PC of the next instruction and the address of the TRAPV
| itself. When V is clear, nothing happens.
        .include "tap.inc"

main:
        tap_plan 16

| TRAPV with V clear does nothing.
        catch   VEC_TRAPV
        move.w  #0x2700,sr
        trapv
        expect  caught_count, #0, "TRAPV with V clear does not trap"

| TRAPV with V set: a six-word frame, PC after it, its own address, the SR
| with V; the handler in supervisor mode; RTE to the next instruction.
        catch   VEC_TRAPV
        move.l  sp,sp_before
        move.w  #0x2700+CCR_V,sr
trapv_at:
        trapv
trapv_next:
        move.w  sr,sr_after
        move.l  sp,sp_after
        expect_frame 2, VEC_TRAPV, #trapv_next, "TRAPV with V set", "the next instruction"
        expect  caught_frame+8, #trapv_at, "TRAPV with V set: the TRAPV's address"
        expect_word caught_frame, 0x2700+CCR_V, "TRAPV with V set: the SR at the TRAPV"
        expect_word caught_sr, 0x2700+CCR_V, "TRAPV with V set: handler in supervisor mode, no trace"
        move.l  sp_before,d0
        moveq   #12,d1
        sub.l   d1,d0
        expect  caught_sp, d0, "TRAPV with V set: the frame is 12 bytes"
        expect  sp_after, sp_before, "RTE pops the six-word frame"
        expect_word sr_after, 0x2700+CCR_V, "RTE restores the SR"

| TRAPV from user mode: the frame is on the supervisor stack.
        catch   VEC_TRAPV
        enter_user
        move.w  #CCR_V,ccr
user_trapv_at:
        trapv
user_trapv_next:
        enter_supervisor
        expect_frame 2, VEC_TRAPV, #user_trapv_next, "TRAPV in user mode", "the next instruction"
        expect  caught_frame+8, #user_trapv_at, "TRAPV in user mode: the TRAPV's address"
        expect_word caught_frame, CCR_V, "TRAPV in user mode: the user SR is stacked"
        expect_word caught_sr, SR_S+CCR_V, "TRAPV in user mode: handler in supervisor mode"

        finish

        .bss
sp_before:      .space  4
sp_after:       .space  4
sr_after:       .space  2
