| Where RTC interrupts land: the main line runs a loop of 32 instructions
| (31 ADDQs and the DBRA) 1000 times while RTC #0's handler records which
| of the 32 the interrupt came before (the stacked PC) and re-arms the alarm
| 400 us on (3125 instructions). Programmed like that the alarm lands about
| ten times, at a few offsets; in the runner's preemption mode each alarm
| fires a drawn number of instructions after the handler arms it, and the
| interrupts spread over every offset. The Java tests read the diagnostics:
| the offsets hit, as a bitmap, and a hash of the order they came in.
        .include "tap.inc"

        .equ    ROUNDS, 1000
        .equ    ADDQS, 31
        .equ    DELAY_NS, 400000

| The level 6 handler: lower RTC #0's line, note the offset of the stacked
| PC in the loop (if it is in the loop) in the bitmap and the hash, count
| the interrupt, and arm the next alarm.
rtc0_handler:
        move.l  #1,RTC0+RTC_CLEAR_INTERRUPT
        movem.l d0-d1,-(sp)
        move.l  8+2(sp),d0
        sub.l   #loop,d0
        cmp.l   #loop_end-loop,d0
        bhs.s   .Lcounted
        lsr.l   #1,d0
        move.l  offsets_hit,d1
        bset    d0,d1
        move.l  d1,offsets_hit
        move.l  sequence_hash,d1
        mulu.l  #31,d1
        add.l   d0,d1
        move.l  d1,sequence_hash
.Lcounted:
        addq.l  #1,interrupts
        bsr     arm_alarm
        movem.l (sp)+,d0-d1
        rte

| Arms RTC #0 DELAY_NS from now (the time stays below 2^32 ns here).
arm_alarm:
        move.l  RTC0+RTC_TIME_LOW,d0
        add.l   #DELAY_NS,d0
        clr.l   RTC0+RTC_ALARM_HIGH
        move.l  d0,RTC0+RTC_ALARM_LOW
        rts

main:
        tap_plan 2
        move.l  #rtc0_handler,(VEC_AUTOVECTOR+6)*4
        move.l  #1,PIC6+PIC_ENABLE
        move.l  #1,RTC0+RTC_IRQ_ENABLED
        bsr     arm_alarm
        moveq   #0,d2
        move.w  #ROUNDS-1,d3
        move.w  #0x2000,sr

| The loop: each ADDQ is an instruction of its own at its own address.
loop:
        .rept   ADDQS
        addq.l  #1,d2
        .endr
        dbra    d3,loop
loop_end:

        move.w  #0x2700,sr
        move.l  #1,RTC0+RTC_CLEAR_ALARM
        expect  d2, #ROUNDS*ADDQS, "the loop ran every round, whatever interrupted it"
        move.l  interrupts,d0
        sne     d0
        expect_word d0, 0xff, "the loop was interrupted", 0xff
        diag    "offsets hit", offsets_hit
        diag    "sequence hash", sequence_hash
        diag    "interrupts", interrupts
        finish

        .bss
        .even
offsets_hit:    .space  4
sequence_hash:  .space  4
interrupts:     .space  4
