| Illegal instruction (UM 8.1.4): vector 4, a format $0 frame whose PC is
| the illegal instruction itself, so the handler must step past it; the
| handler runs in supervisor mode with tracing off.
        .include "tap.inc"

main:
        tap_plan 22

| ILLEGAL in supervisor mode, with X and V set: the frame holds its own
| address and the SR as it was; the recorder adds 2 to the stacked PC and
| the RTE resumes after it.
        catch   VEC_ILLEGAL, 2
        move.l  sp,sp_before
        move.w  #0x2700+CCR_X+CCR_V,sr
illegal_at:
        illegal
        move.w  sr,sr_after
        move.l  sp,sp_after
        expect_frame 0, VEC_ILLEGAL, #illegal_at, "ILLEGAL", "the instruction itself"
        expect_word caught_frame, 0x2700+CCR_X+CCR_V, "ILLEGAL frame: the SR at the instruction"
        expect_word caught_sr, 0x2700+CCR_X+CCR_V, "ILLEGAL handler: supervisor, no trace, same mask and CCR"
        move.l  sp_before,d0
        subq.l  #8,d0
        expect  caught_sp, d0, "ILLEGAL frame is 8 bytes"
        expect  sp_after, sp_before, "RTE pops the frame"
        expect_word sr_after, 0x2700+CCR_X+CCR_V, "RTE restores the SR"

| An opcode the 68030 does not define (0x4e79)
| is an illegal instruction too.
        catch   VEC_ILLEGAL, 2
undefined_at:
        .short  0x4e79
        expect_frame 0, VEC_ILLEGAL, #undefined_at, "opcode 0x4e79", "the instruction itself"

| ILLEGAL in user mode: the frame goes on the supervisor stack with the user
| SR, and the handler runs in supervisor mode.
        catch   VEC_ILLEGAL, 2
        move.l  sp,sp_before
        enter_user
user_illegal_at:
        illegal
        enter_supervisor
        expect_frame 0, VEC_ILLEGAL, #user_illegal_at, "ILLEGAL in user mode", "the instruction itself"
        expect_word caught_frame, 0x0000, "ILLEGAL in user mode: the user SR is stacked", 0xff00
        expect_word caught_sr, SR_S, "ILLEGAL in user mode: the handler is in supervisor mode", 0xff00
        move.l  sp_before,d0
        subq.l  #8,d0
        expect  caught_sp, d0, "ILLEGAL in user mode: the frame is on the supervisor stack"

| ILLEGAL reached with tracing on (T1): an instruction that is not executed
| is not traced (UM 8.1.8), and the handler runs with tracing off while the
| stacked SR keeps T1.
        catch   VEC_ILLEGAL, 2
        rte_to  traced_illegal_at, SR_T1+0x2700
traced_illegal_at:
        illegal
        expect_frame 0, VEC_ILLEGAL, #traced_illegal_at, "ILLEGAL under trace", "the instruction itself"
        expect_word caught_frame, SR_T1+0x2700, "ILLEGAL under trace: T1 is stacked", 0xff00
        expect_word caught_sr, 0x2700, "ILLEGAL under trace: the handler runs with tracing off", 0xff00
        finish

        .bss
sp_before:      .space  4
sp_after:       .space  4
sr_after:       .space  2
