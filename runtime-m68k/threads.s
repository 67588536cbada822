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

| qj_threads_stop: no thread runs any more: the quantum clock stops and the
| scheduler's state is cleared, so that the context that calls it (the test
| harness, after a test crashed in a thread) starts afresh. Nothing if no
| thread was running.
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
1:      rts

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
