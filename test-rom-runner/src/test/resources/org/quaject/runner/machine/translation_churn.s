| Translations dropped over and over, for as long as a stress run may last.
| The core translates guest code into a code buffer of its own (1 GB in
| Unicorn 2.0.1), and a dropped translation keeps its space there until the
| whole cache is flushed. The runner drops translations all the time in its
| stress modes: each single step drops the blocks that cover the stepped
| instruction, and each run of the core with exit addresses (the CAS the
| contention mode watches) drops the block that ends at each exit. Here a
| loop of long blocks (MOVEMs: much host code per instruction) ends in a CAS,
| and RTC #0 interrupts it over and over; under preemption every interrupt
| lands inside a block, which the runner reaches in single steps (each one
| translates the rest of the block to learn its length, then drops it), and
| the loop then translates that block anew. ROUNDS rounds translate more
| than the code buffer holds: without flushes of the cache the run crashes
| the JVM. The test passes when the run ends with every round counted; how
| often the loop was interrupted, the Java test reads from the runner.
        .include "tap.inc"

        .equ    ROUNDS, 2000
        .equ    MOVEMS, 40
        .equ    DELAY_NS, 100000

| The level 6 handler: lower RTC #0's line, arm the next alarm.
rtc0_handler:
        move.l  #1,RTC0+RTC_CLEAR_INTERRUPT
        move.l  d0,-(sp)
        move.l  RTC0+RTC_TIME_LOW,d0
        add.l   #DELAY_NS,d0
        clr.l   RTC0+RTC_ALARM_HIGH
        move.l  d0,RTC0+RTC_ALARM_LOW
        move.l  (sp)+,d0
        rte

| RTC #0 interrupts at level 6 through PIC 6 (board-virt68030.md), its
| first alarm due at once; the MOVEMs go up and down a scratch stack at a6.
main:
        tap_plan 1
        move.l  #rtc0_handler,(VEC_AUTOVECTOR+6)*4
        move.l  #1,PIC6+PIC_ENABLE
        move.l  #1,RTC0+RTC_IRQ_ENABLED
        move.l  #1,RTC0+RTC_ALARM_LOW
        lea     scratch_top,a6
        move.l  #ROUNDS-1,d7
        move.w  #0x2000,sr

| One round: MOVEMs that store and load 13 registers, then a CAS that adds
| 1 to the counter, read just before.
.Lround:
        .rept   MOVEMS
        movem.l d0-d6/a0-a5,-(a6)
        movem.l (a6)+,d0-d6/a0-a5
        .endr
        move.l  counter,d0
        move.l  d0,d1
        addq.l  #1,d1
        cas.l   d0,d1,counter
        subq.l  #1,d7
        bpl     .Lround

        move.w  #0x2700,sr
        move.l  #1,RTC0+RTC_CLEAR_ALARM
        expect  counter, #ROUNDS, "every round's CAS added 1"
        finish

        .bss
        .even
counter:        .space  4
scratch:        .space  64
scratch_top:
