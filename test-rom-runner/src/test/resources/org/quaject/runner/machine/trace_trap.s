| A TRAP that begins with T1 set, whose handler returns with T1 still in
| the stacked SR. The 68030 takes the trace for the TRAP itself right after
| the handler's RTE (UM 8.1.4), stacking the address of the TRAP. Both
| engines depart from that alike: neither traces the TRAP, and the RTE's T1
| traces the instruction after it. This fixture checks what both do, so
| that either changing shows.
        .include "tap.inc"

        .equ    VEC_TRACE, 9

main:
        tap_plan 4
        move.l  #record_trace,VEC_TRACE*4
        move.l  #plain_rte,(VEC_TRAP+1)*4
        rte_to  trap_at, SR_T1+0x2700
trap_at:
        trap    #1
after_trap:
        moveq   #1,d0
after_moveq:
        expect  traces, #1, "one trace"
        expect  trace_pc, #after_moveq, "the trace follows the instruction after the TRAP"
        expect  trace_address, #after_trap, "its address is that instruction's, not the TRAP's"
        expect  trap_sr, #SR_T1+0x2700, "the TRAP's frame keeps T1"
        finish

| The TRAP #1 handler: notes the stacked SR and returns as it came.
plain_rte:
        move.w  (sp),trap_sr+2
        rte

| The trace handler: notes the frame and ends tracing.
record_trace:
        addq.l  #1,traces
        move.l  2(sp),trace_pc
        move.l  8(sp),trace_address
        andi.w  #~(SR_T1+SR_T0),(sp)
        rte

        .bss
traces:         .space  4
trace_pc:       .space  4
trace_address:  .space  4
trap_sr:        .space  4
