| An interrupt the mask held off is taken between the instruction that
| lowers the mask and the next one (UM 8.1.10: interrupts are recognized
| between instructions): right after MOVE to SR, right after ANDI to SR, and
| right after an RTE that returns to a lower mask.
| While a level waits behind the mask, the runner runs single instructions
| to see that moment.
        .include "tap.inc"

level6_handler:
        move.l  2(sp),l6_pc
        move.l  #1,RTC0+RTC_CLEAR_INTERRUPT
        rte

| TRAP #0 returns with every level let in: it rewrites the stacked SR.
trap0_handler:
        move.w  #0x2000,(sp)
        rte

main:
        tap_plan 3
        move.l  #level6_handler,(VEC_AUTOVECTOR+6)*4
        move.l  #trap0_handler,(VEC_TRAP+0)*4
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

| The same with an RTE that returns to mask 0.
        clr.l   RTC0+RTC_ALARM_HIGH
        clr.l   RTC0+RTC_ALARM_LOW
        bra.w   .Ltrap
.Ltrap:
        trap    #0
after_trap:
        nop
        nop
        bra.w   .Lmask                  | (no SR write in the block RTE returns to)
.Lmask:
        move.w  #0x2700,sr
        expect  l6_pc, #after_trap, "level 6 is taken right after the RTE that unmasks it"
        finish

        .bss
l6_pc:  .space  4
