| STOP #imm (UM, STOP): loads SR and waits for an interrupt above the new
| mask. Guest time is the instruction count (128 ns each) while the CPU runs;
| while it waits, time moves straight to the next device event, here an RTC
| alarm 10 s ahead, at a nanosecond that is not a multiple of 128 (QEMU
| -icount sleep=off; the runner does the same). The alarm's interrupt wakes
| the CPU, and its handler's first instruction reads the alarm time plus
| that one instruction.
        .include "tap.inc"

        .equ    TEN_SECONDS_HIGH, 2
        .equ    TEN_SECONDS_LOW, 0x540be400

level6_handler:
        move.l  RTC0+RTC_TIME_LOW,woke_low
        move.l  RTC0+RTC_TIME_HIGH,woke_high
        move.l  2(sp),l6_pc
        move.l  #1,RTC0+RTC_CLEAR_INTERRUPT
        rte

main:
        tap_plan 6
        move.l  #level6_handler,(VEC_AUTOVECTOR+6)*4
        move.l  #1,PIC6+PIC_ENABLE
        move.l  #1,RTC0+RTC_IRQ_ENABLED

| The alarm: now + 10 s + 5 ns, in 64 bits.
        move.l  RTC0+RTC_TIME_LOW,d1
        move.l  RTC0+RTC_TIME_HIGH,d0
        add.l   #TEN_SECONDS_LOW+5,d1
        moveq   #TEN_SECONDS_HIGH,d2
        addx.l  d2,d0
        move.l  d0,alarm_high
        move.l  d1,alarm_low
        move.l  d0,RTC0+RTC_ALARM_HIGH
        move.l  d1,RTC0+RTC_ALARM_LOW
        expect  RTC0+RTC_ALARM_STATUS, #1, "the alarm is armed"
        stop    #0x2000
after_stop:
        move.w  #0x2700,sr
        expect  l6_pc, #after_stop, "the alarm's interrupt ends the STOP"

| Woken at the alarm's nanosecond: the handler's first read is 128 ns on.
        move.l  woke_low,d1
        move.l  woke_high,d0
        sub.l   alarm_low,d1
        move.l  alarm_high,d2
        subx.l  d2,d0
        expect  d0, #0, "woken within 2^32 ns of the alarm"
        expect  d1, #128, "the handler's first instruction reads the alarm time + 128 ns"
        expect  woke_high, alarm_high, "the high half of the time moved on with it"
        expect  RTC0+RTC_ALARM_STATUS, #0, "a fired alarm is disarmed"
        diag    "alarm low half", alarm_low
        diag    "woken, low half", woke_low
        finish

        .bss
alarm_high:     .space  4
alarm_low:      .space  4
woke_high:      .space  4
woke_low:       .space  4
l6_pc:          .space  4
