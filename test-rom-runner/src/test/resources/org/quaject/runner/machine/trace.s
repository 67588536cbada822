| Trace (UM 8.1.7): with T1 set when an instruction begins, the processor
| takes vector 9 once the instruction has completed, with a format $2 frame:
| the SR after the instruction, the next instruction's address as the PC, and
| the address of the traced instruction. The handler runs with tracing off.
| Tracing is turned on the way a debugger does it, by an RTE to a stacked SR
| with T1 set: the trace bits of a new SR count from the next instruction on.
        .include "tap.inc"

        .equ    VEC_TRACE, 9
        .equ    TRACE_FRAME, (2<<12)+VEC_TRACE*4

main:
        tap_plan 22
        move.l  #record_trace,VEC_TRACE*4

| Three instructions in a row: one trace each, then the handler turns it off.
        moveq   #3,d0
        bsr     trace_for
        rte_to  first, SR_T1+0x2700
first:  moveq   #5,d1
second: addq.l  #2,d1
third:  move.l  d1,d2
after_three:
        expect  traces, #3, "three instructions, three traces"
        expect  d2, #7, "the traced instructions did their work"
        expect  trace_pcs, #second, "1st trace: stacked PC is the next instruction"
        expect  trace_pcs+4, #third, "2nd trace: stacked PC is the next instruction"
        expect  trace_pcs+8, #after_three, "3rd trace: stacked PC is the next instruction"
        expect  trace_addresses, #first, "1st trace: the traced instruction's address"
        expect  trace_addresses+4, #second, "2nd trace: the traced instruction's address"
        expect  trace_addresses+8, #third, "3rd trace: the traced instruction's address"
        expect_word trace_words, TRACE_FRAME, "1st trace: format $2, vector 9"
        expect_word trace_words+2, TRACE_FRAME, "2nd trace: format $2, vector 9"
        expect_word trace_srs, SR_T1+0x2700, "the stacked SR keeps T1", 0xff00
        expect_word trace_handler_sr, 0x2700, "the handler runs with tracing off", 0xff00

| A taken branch: the stacked PC is where it went.
        moveq   #1,d0
        bsr     trace_for
        rte_to  branch_at, SR_T1+0x2700
branch_at:
        bra.s   branch_target
        nop
branch_target:
        expect  traces, #1, "a branch: one trace"
        expect  trace_pcs, #branch_target, "a branch: stacked PC is its target"
        expect  trace_addresses, #branch_at, "a branch: the branch's address"

| An instruction that clears T1 is still traced (T1 was set when it began);
| the stacked SR is the new one.
        moveq   #5,d0
        bsr     trace_for
        rte_to  clear_at, SR_T1+0x2700
clear_at:
        move.w  #0x2700,sr
after_clear:
        nop
        expect  traces, #1, "MOVE to SR clearing T1: traced once"
        expect  trace_pcs, #after_clear, "MOVE to SR clearing T1: stacked PC is the next instruction"
        expect_word trace_srs, 0x2700, "MOVE to SR clearing T1: the new SR is stacked", 0xff00

| In user mode: the frame goes on the supervisor stack with the user SR.
        moveq   #2,d0
        bsr     trace_for
        rte_to  user_first, SR_T1
user_first:
        moveq   #1,d1
user_second:
        moveq   #2,d1
        enter_supervisor
        expect  traces, #2, "user mode: two traces"
        expect  trace_addresses+4, #user_second, "user mode: the traced instruction's address"
        expect_word trace_srs, SR_T1, "user mode: the user SR is stacked", 0xff00
        expect_word trace_handler_sr, SR_S, "user mode: the handler is in supervisor mode", 0xff00
        finish

| trace_for(d0 = N): the recorder turns tracing off at the Nth trace.
trace_for:
        move.l  d0,trace_limit
        clr.l   traces
        rts

| The trace recorder: notes its own SR and each frame's SR, PC, format word
| and instruction address; clears the trace bits in the stacked SR at the
| limit, so that the RTE ends tracing.
record_trace:
        move.w  sr,trace_handler_sr
        movem.l d0/a0,-(sp)
        move.l  traces,d0
        lea     trace_srs,a0
        move.w  8(sp),(a0,d0.l*2)
        lea     trace_pcs,a0
        move.l  10(sp),(a0,d0.l*4)
        lea     trace_words,a0
        move.w  14(sp),(a0,d0.l*2)
        lea     trace_addresses,a0
        move.l  16(sp),(a0,d0.l*4)
        addq.l  #1,d0
        move.l  d0,traces
        cmp.l   trace_limit,d0
        blo.s   1f
        andi.w  #~(SR_T1+SR_T0),8(sp)
1:      movem.l (sp)+,d0/a0
        rte

        .bss
traces:             .space  4
trace_limit:        .space  4
trace_handler_sr:   .space  2
trace_srs:          .space  2*8
trace_words:        .space  2*8
        .balign 4
trace_pcs:          .space  4*8
trace_addresses:    .space  4*8
