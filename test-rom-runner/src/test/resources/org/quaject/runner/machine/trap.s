| TRAP #n (UM 8.1.3 and table 8-1): vector 32 + n, a format $0 frame whose
| PC is the instruction after the TRAP, the SR as it was (condition codes
| included), the handler in supervisor mode with tracing off, and RTE back
| to the instruction after the TRAP with that SR.
        .include "tap.inc"

main:
        tap_plan 22

| TRAP #0 from supervisor mode, with Z and C set, so the stacked SR shows
| that the condition codes are kept. Only vector 32 records: a TRAP taking
| another vector would land in the unexpected-exception report.
        catch   VEC_TRAP+0
        move.l  sp,sp_before
        move.w  #0x2700+CCR_Z+CCR_C,sr
        trap    #0
trap0_next:
        move.w  sr,sr_after
        move.l  sp,sp_after
        uncatch VEC_TRAP+0
        expect  caught_count, #1, "TRAP #0 takes vector 32 once"
        expect_word caught_frame+6, (VEC_TRAP+0)*4, "TRAP #0 frame: format $0, vector offset $80"
        expect  caught_frame+2, #trap0_next, "TRAP #0 frame: PC of the next instruction"
        expect_word caught_frame, 0x2700+CCR_Z+CCR_C, "TRAP #0 frame: the SR at the TRAP"
        expect_word caught_sr, 0x2700+CCR_Z+CCR_C, "TRAP #0 handler: supervisor, no trace, same mask and CCR"
        move.l  sp_before,d0
        subq.l  #8,d0
        expect  caught_sp, d0, "TRAP #0 frame is 8 bytes on the supervisor stack"
        expect  sp_after, sp_before, "RTE pops the frame"
        expect_word sr_after, 0x2700+CCR_Z+CCR_C, "RTE restores the SR"

| TRAP #1, #7 and #15: each its own vector and the following instruction.
        catch   VEC_TRAP+1
        trap    #1
trap1_next:
        uncatch VEC_TRAP+1
        expect_word caught_frame+6, (VEC_TRAP+1)*4, "TRAP #1 takes vector 33"
        expect  caught_frame+2, #trap1_next, "TRAP #1 stacks the next instruction"
        catch   VEC_TRAP+7
        trap    #7
trap7_next:
        uncatch VEC_TRAP+7
        expect_word caught_frame+6, (VEC_TRAP+7)*4, "TRAP #7 takes vector 39"
        expect  caught_frame+2, #trap7_next, "TRAP #7 stacks the next instruction"
        catch   VEC_TRAP+15
        trap    #15
trap15_next:
        uncatch VEC_TRAP+15
        expect_word caught_frame+6, (VEC_TRAP+15)*4, "TRAP #15 takes vector 47"
        expect  caught_frame+2, #trap15_next, "TRAP #15 stacks the next instruction"

| TRAP #3 from user mode, with N set: the frame goes on the supervisor stack,
| the stacked SR is the user SR, the handler runs in supervisor mode, and
| RTE returns to user mode on the unchanged user stack.
        catch   VEC_TRAP+3
        move.l  sp,sp_before
        enter_user
        move.l  sp,usp_before
        move.w  #CCR_N,ccr
        trap    #3
trap3_next:
        move.w  ccr,ccr_after
        move.l  sp,usp_after
        enter_supervisor
        uncatch VEC_TRAP+3
        expect_word caught_frame+6, (VEC_TRAP+3)*4, "TRAP #3 from user mode takes vector 35"
        expect  caught_frame+2, #trap3_next, "TRAP #3 from user mode stacks the next instruction"
        expect_word caught_frame, CCR_N, "TRAP #3 frame: the user SR"
        expect_word caught_sr, SR_S+CCR_N, "TRAP #3 handler: supervisor, no trace, the user's mask and CCR"
        move.l  sp_before,d0
        subq.l  #8,d0
        expect  caught_sp, d0, "TRAP #3 frame is on the supervisor stack"
        expect_word ccr_after, CCR_N, "RTE restores the user's condition codes"
        expect_word user_sr, 0x0000, "RTE returns to user mode with the user's mask"
        expect  usp_after, usp_before, "the user stack is as it was"
        finish

        .bss
sp_before:      .space  4
sp_after:       .space  4
usp_before:     .space  4
usp_after:      .space  4
sr_after:       .space  2
ccr_after:      .space  2
