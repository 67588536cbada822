| threads.s: what every thread of lib/thread.qj shares (docs/threads.md).
|
| A thread's own state lives in its block; only these long words are the
| scheduler's as a whole, read and written by the threads' generated code:
|     qj_thread_current    the running thread's block; 0 while no thread runs
|     qj_thread_entry      the running thread's entry (crash reports name it)
|     qj_thread_wakeups    threads resumed since the last switch, a list
|                          through their wake links, newest first: pushed with
|                          CAS from any context, taken whole by the next switch

        .equ    CLOCK_IRQ_ENABLED, 0xff007010   | goldfish RTC #1, the quantum clock
        .equ    CLOCK_CLEAR_INTERRUPT, 0xff00701c

        .text

| qj_threads_stop: no thread runs any more: the quantum clock stops, the
| scheduler's state is cleared and the boot vector table is back in VBR, so
| that the context that calls it (the test harness, after a test failed or
| crashed with threads running) starts afresh. Nothing if no thread was
| running.
| in:        interrupts masked
| preserves: all registers
        .globl  qj_threads_stop
qj_threads_stop:
        tst.l   qj_thread_current
        beq     1f
        clr.l   CLOCK_IRQ_ENABLED
        move.l  #1,CLOCK_CLEAR_INTERRUPT
        clr.l   qj_thread_current
        clr.l   qj_thread_wakeups
        move.l  a0,-(sp)
        lea     qj_vectors,a0
        movec   a0,vbr
        movea.l (sp)+,a0
1:      rts

| qj_thread_later: the quantum clock's interrupt came into an interrupt
| handler, which must finish before its thread is switched out: the alarm is
| set again LATER_NS from now, and the handler goes on.
| in:        the clock's interrupt frame on the stack (jump here from sw_out)
| out:       rte
| preserves: all registers
        .equ    CLOCK_TIME_LOW, 0xff007000
        .equ    LATER_NS, 4096                  | 32 instructions of 128 ns
        .globl  qj_thread_later
qj_thread_later:
        movem.l d0-d1/a0,-(sp)
        lea     CLOCK_TIME_LOW,a0
        moveq   #1,d0
        move.l  d0,0x1c(a0)                     | CLEAR_INTERRUPT
        move.l  (a0),d1                         | TIME_LOW, which latches TIME_HIGH
        move.l  4(a0),d0
        add.l   #LATER_NS,d1
        bcc.s   1f
        addq.l  #1,d0
1:      move.l  d0,0xc(a0)                      | ALARM_HIGH first,
        move.l  d1,0x8(a0)                      | then ALARM_LOW, which sets it
        movem.l (sp)+,d0-d1/a0
        rte

        .bss
        .even

        .globl  qj_thread_current
qj_thread_current:
        .space  4

        .globl  qj_thread_entry
qj_thread_entry:
        .space  4

        .globl  qj_thread_wakeups
qj_thread_wakeups:
        .space  4
