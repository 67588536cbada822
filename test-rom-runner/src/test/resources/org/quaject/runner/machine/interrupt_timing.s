| An interrupt the mask held off is taken between the instruction that
| lowers the mask and the next one (UM 8.1.10: interrupts are recognized
| between instructions): right after MOVE to SR, and right after ANDI to SR.
| While a level waits behind the mask, the runner runs single instructions
| to see that moment.
        .include "tap.inc"

level6_handler:
        move.l  2(sp),l6_pc
        move.l  #1,RTC0+RTC_CLEAR_INTERRUPT
        rte

main:
        tap_plan 2
        move.l  #level6_handler,(VEC_AUTOVECTOR+6)*4
        move.l  #1,PIC6+PIC_ENABLE
        move.l  #1,RTC0+RTC_IRQ_ENABLED

| Masked, then MOVE to SR lowers the mask: taken right after the MOVE. The
| branch between the alarm write and the MOVE spends the stop the runner
| makes after a device write, which would otherwise let level 6 in.
        clr.l   RTC0+RTC_ALARM_HIGH
        clr.l   RTC0+RTC_ALARM_LOW
        bra.w   .Lmove
.Lmove:
        move.w  #0x2000,sr
after_move:
        nop
        nop
        move.w  #0x2700,sr
        expect  l6_pc, #after_move, "level 6 is taken right after MOVE to SR unmasks it"

| The same with ANDI to SR.
        clr.l   RTC0+RTC_ALARM_HIGH
        clr.l   RTC0+RTC_ALARM_LOW
        bra.w   .Landi
.Landi:
        andi.w  #0xf8ff,sr
after_andi:
        nop
        nop
        move.w  #0x2700,sr
        expect  l6_pc, #after_andi, "level 6 is taken right after ANDI to SR unmasks it"
        finish

        .bss
l6_pc:  .space  4
