| A lock-free counter and a lock-free pair shared by the main line and the
| interrupt handlers of both RTCs: `bump` adds 1 to `counter` with a CAS
| retry loop and 1 to each word of `pair` with a CAS2 retry loop. The main
| line bumps ROUNDS times; each RTC interrupt bumps once more and re-arms
| its alarm. With interrupts landing between a loop's read and its CAS (the
| runner's contention mode makes them) the CAS fails and the loop retries;
| either way no increment may be lost: at the end the counter and both
| words of the pair are ROUNDS plus the interrupts handled.
        .include "tap.inc"

        .equ    ROUNDS, 200
        .equ    RTC0_DELAY_NS, 50000
        .equ    RTC1_DELAY_NS, 70000

| bump: counter += 1 (CAS.L), pair += (1, 1) (CAS2.L); each read, then
| compare-and-swap, again from the read while the CAS fails.
bump:
        movem.l d0-d3/a0-a1,-(sp)
.Lcas:
        move.l  counter,d0
        move.l  d0,d1
        addq.l  #1,d1
        cas.l   d0,d1,counter
        bne.s   .Lcas
        lea     pair,a0
        lea     pair+4,a1
.Lcas2:
        move.l  (a0),d0
        move.l  (a1),d1
        move.l  d0,d2
        addq.l  #1,d2
        move.l  d1,d3
        addq.l  #1,d3
        cas2.l  d0:d1,d2:d3,(a0):(a1)
        bne.s   .Lcas2
        movem.l (sp)+,d0-d3/a0-a1
        rts

| arm: the RTC at a0 fires d1 ns from now (the time stays below 2^32 ns).
arm:
        move.l  d0,-(sp)
        move.l  RTC_TIME_LOW(a0),d0
        add.l   d1,d0
        clr.l   RTC_ALARM_HIGH(a0)
        move.l  d0,RTC_ALARM_LOW(a0)
        move.l  (sp)+,d0
        rts

| Level 6, either RTC (PIC 6 says which; RTC #0 first): lower that RTC's
| line, let the other RTC preempt (mask 5) while bumping, count, then
| re-arm with interrupts masked, so that the handler nests at most once.
rtc_handler:
        movem.l d0-d1/a0,-(sp)
        lea     RTC0,a0
        move.l  #RTC0_DELAY_NS,d1
        move.l  PIC6+PIC_PENDING,d0
        btst    #0,d0
        bne.s   .Lack
        lea     RTC1,a0
        move.l  #RTC1_DELAY_NS,d1
.Lack:
        move.l  #1,RTC_CLEAR_INTERRUPT(a0)
        move.w  #0x2500,sr
        bsr     bump
        addq.l  #1,handled
        move.w  #0x2700,sr
        bsr     arm
        movem.l (sp)+,d0-d1/a0
        rte

main:
        tap_plan 4
        move.l  #rtc_handler,(VEC_AUTOVECTOR+6)*4
        move.l  #3,PIC6+PIC_ENABLE
        move.l  #1,RTC0+RTC_IRQ_ENABLED
        move.l  #1,RTC1+RTC_IRQ_ENABLED
        lea     RTC0,a0
        move.l  #RTC0_DELAY_NS,d1
        bsr     arm
        lea     RTC1,a0
        move.l  #RTC1_DELAY_NS,d1
        bsr     arm
        move.w  #0x2000,sr
        move.w  #ROUNDS-1,d7
.Lround:
        bsr     bump
        dbra    d7,.Lround

| Stop the interrupts, then check that every increment is there.
        move.w  #0x2700,sr
        move.l  #1,RTC0+RTC_CLEAR_ALARM
        move.l  #1,RTC1+RTC_CLEAR_ALARM
        move.l  handled,d0
        add.l   #ROUNDS,d0
        expect  counter, d0, "the CAS counter has every increment"
        expect  pair, d0, "the CAS2 pair's first word has every increment"
        expect  pair+4, d0, "the CAS2 pair's second word has every increment"
        move.l  handled,d1
        sne     d1
        expect_word d1, 0xff, "the interrupt handlers ran", 0xff
        diag    "interrupts handled", handled
        finish

        .bss
        .even
counter:        .space  4
pair:           .space  8
handled:        .space  4
