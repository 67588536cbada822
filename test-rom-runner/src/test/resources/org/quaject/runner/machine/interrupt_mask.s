| The interrupt mask in a handler is the level being serviced (UM 8.1.10:
| the processor sets the mask to the level of the interrupt), whatever the
| mask was. QEMU 7.2 ORs the level into the old mask instead, so that from
| mask 5 or 1 a level 6 handler runs at mask 7: this fixture is not compared
| with it.
        .include "tap.inc"

level6_handler:
        move.w  sr,l6_sr
        move.l  #1,RTC0+RTC_CLEAR_INTERRUPT
        rte

| Arms RTC #0 at time 0, which has passed: it fires at once.
alarm_now:
        clr.l   RTC0+RTC_ALARM_HIGH
        clr.l   RTC0+RTC_ALARM_LOW
        rts

main:
        tap_plan 2
        move.l  #level6_handler,(VEC_AUTOVECTOR+6)*4
        move.l  #1,PIC6+PIC_ENABLE
        move.l  #1,RTC0+RTC_IRQ_ENABLED

| Level 6 taken from mask 5 (binary 101) and from mask 1 (001).
        bsr     alarm_now
        stop    #0x2500
        move.w  #0x2700,sr
        expect_word l6_sr, 0x2600, "level 6 from mask 5: the handler's mask is 6", SR_MASK
        bsr     alarm_now
        stop    #0x2100
        move.w  #0x2700,sr
        expect_word l6_sr, 0x2600, "level 6 from mask 1: the handler's mask is 6", SR_MASK
        finish

        .bss
l6_sr:  .space  2
