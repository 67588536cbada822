| An interrupt a device write raises is taken between the writing
| instruction and the next one (UM 8.1.10), as QEMU does, and as the runner
| does on a CPU core that can stop inside a translation block (Unicorn 2.1.4).
| On Unicorn 2.0.1 the runner takes it later, where the core's translation
| block ends (docs/runner.md, where the engines differ).
        .include "tap.inc"

level6_handler:
        move.l  2(sp),l6_pc
        move.l  #1,RTC0+RTC_CLEAR_INTERRUPT
        rte

main:
        tap_plan 1
        move.l  #level6_handler,(VEC_AUTOVECTOR+6)*4
        move.l  #1,PIC6+PIC_ENABLE
        move.l  #1,RTC0+RTC_IRQ_ENABLED

| Unmasked: the alarm write raises level 6, taken before the NOP after it.
        move.w  #0x2000,sr
        clr.l   RTC0+RTC_ALARM_HIGH
        clr.l   RTC0+RTC_ALARM_LOW
after_write:
        nop
        nop
        move.w  #0x2700,sr
        expect  l6_pc, #after_write, "level 6 is taken right after the write that raises it"

        finish

        .bss
l6_pc:  .space  4
