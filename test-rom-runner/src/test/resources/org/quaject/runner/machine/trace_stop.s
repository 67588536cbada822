| STOP begun with T1 set (UM 8.1.7, Tracing): it loads SR, and the trace
| exception is taken then; the processor does not stop. Here STOP lowers
| the mask to 0 with an RTC alarm armed 10 s ahead: the 68030 takes the
| trace at once and goes on, never waiting for the alarm. QEMU 7.2 stops
| and waits for the alarm instead.
        .include "tap.inc"

        .equ    VEC_TRACE, 9

main:
        tap_plan 4
        move.l  #count_trace,VEC_TRACE*4
        move.l  #count_alarm,(VEC_AUTOVECTOR+6)*4
        move.l  #1,PIC6+PIC_ENABLE
        move.l  #1,RTC0+RTC_IRQ_ENABLED
        move.l  RTC0+RTC_TIME_LOW,d1
        move.l  RTC0+RTC_TIME_HIGH,d0
        addq.l  #2,d0                   | some 8.6 s ahead
        move.l  d0,RTC0+RTC_ALARM_HIGH
        move.l  d1,RTC0+RTC_ALARM_LOW
        rte_to  stop_at, SR_T1+0x2700
stop_at:
        stop    #SR_T1+0x2000
after_stop:
        move.w  #0x2700,sr
        move.l  #1,RTC0+RTC_CLEAR_ALARM
        expect  traces, #1, "the STOP is traced"
        expect  trace_pc, #after_stop, "the trace's stacked PC is the instruction after the STOP"
        expect  alarms, #0, "the STOP did not wait for the alarm"
        expect  trace_sr, #SR_T1+0x2000, "the SR the STOP loaded is stacked"
        finish

| Counts the trace and ends tracing.
count_trace:
        addq.l  #1,traces
        move.w  (sp),trace_sr+2
        move.l  2(sp),trace_pc
        andi.w  #~(SR_T1+SR_T0),(sp)
        rte

| Counts the alarm's interrupt.
count_alarm:
        addq.l  #1,alarms
        move.l  #1,RTC0+RTC_CLEAR_INTERRUPT
        rte

        .bss
traces:         .space  4
trace_pc:       .space  4
trace_sr:       .space  4
alarms:         .space  4
