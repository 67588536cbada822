| threads.s: what every thread of lib/thread.qj shares (docs/threads.md).
|
| A thread's own state lives in its block; only two long words are the
| scheduler's as a whole, and both are read and written by the threads'
| generated code:
|     qj_thread_current    the running thread's block; 0 while no thread runs
|     qj_thread_wakeups    threads resumed since the last switch, a list
|                          through their wake links, newest first: pushed with
|                          CAS from any context, taken whole by the next switch

        .bss
        .even

        .globl  qj_thread_current
qj_thread_current:
        .space  4

        .globl  qj_thread_wakeups
qj_thread_wakeups:
        .space  4
