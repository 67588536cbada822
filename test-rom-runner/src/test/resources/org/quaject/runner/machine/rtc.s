| goldfish-rtc registers as QEMU 7.2 implements them (board-virt68030.md):
| time in ns, 128 ns per executed instruction (-icount shift=7, the
| runner's rule); TIME_LOW latches the high half that TIME_HIGH then reads;
| writes to them set the time; the alarm registers, IRQ_ENABLED,
| CLEAR_ALARM, CLEAR_INTERRUPT and ALARM_STATUS. RTC #1 gets the time
| writes, so that RTC #0 reads the plain instruction count to the end:
| its last read, into D7, is checked against the count by the Java test.
        .include "tap.inc"

main:
        tap_plan 23

| Five instructions on, the time is 5 * 128 ns on.
        move.l  RTC0+RTC_TIME_LOW,d1
        nop
        nop
        nop
        nop
        move.l  RTC0+RTC_TIME_LOW,d2
        sub.l   d1,d2
        expect  d2, #5*128, "five instructions later the time is 640 ns on"

| A DBRA loop of 1000 rounds: the count, the loop and the second read are
| 1002 instructions.
        move.l  RTC0+RTC_TIME_LOW,d1
        move.w  #999,d0
.Lspin:
        dbra    d0,.Lspin
        move.l  RTC0+RTC_TIME_LOW,d2
        sub.l   d1,d2
        expect  d2, #1002*128, "1002 instructions take 128256 ns"

| Setting the time 256 ns before the low half wraps, then reading it as
| the time passes: TIME_HIGH gives the half latched by the last TIME_LOW.
        clr.l   RTC1+RTC_TIME_HIGH
        move.l  #0xffffff00,RTC1+RTC_TIME_LOW
        move.l  RTC1+RTC_TIME_LOW,d1
        move.l  RTC1+RTC_TIME_HIGH,d2
        nop
        move.l  RTC1+RTC_TIME_HIGH,d3
        move.l  RTC1+RTC_TIME_LOW,d4
        move.l  RTC1+RTC_TIME_HIGH,d5
        expect  d1, #0xffffff80, "TIME_LOW right after the write: the time written + 128 ns"
        expect  d2, #0, "TIME_HIGH: the high half latched with it"
        expect  d3, #0, "TIME_HIGH after the wrap, before another TIME_LOW: still the latched 0"
        expect  d4, #0x00000180, "TIME_LOW after the wrap"
        expect  d5, #1, "TIME_HIGH latched by that TIME_LOW: 1"
        move.l  #5,RTC1+RTC_TIME_HIGH
        move.l  RTC1+RTC_TIME_LOW,d1
        move.l  RTC1+RTC_TIME_HIGH,d2
        expect  d2, #5, "writing TIME_HIGH sets the high half"

| The alarm registers read back what was written; ALARM_LOW arms it, and
| CLEAR_ALARM disarms it.
        expect  RTC1+RTC_ALARM_STATUS, #0, "no alarm is armed after boot"
        move.l  #0x12,RTC1+RTC_ALARM_HIGH
        move.l  #0x345678,RTC1+RTC_ALARM_LOW
        expect  RTC1+RTC_ALARM_HIGH, #0x12, "ALARM_HIGH reads back"
        expect  RTC1+RTC_ALARM_LOW, #0x345678, "ALARM_LOW reads back"
        expect  RTC1+RTC_ALARM_STATUS, #1, "ALARM_LOW arms the alarm"
        move.l  #1,RTC1+RTC_CLEAR_ALARM
        expect  RTC1+RTC_ALARM_STATUS, #0, "CLEAR_ALARM disarms it"

| IRQ_ENABLED reads back bit 0.
        move.l  #1,RTC0+RTC_IRQ_ENABLED
        expect  RTC0+RTC_IRQ_ENABLED, #1, "IRQ_ENABLED reads 1 after writing 1"
        clr.l   RTC0+RTC_IRQ_ENABLED
        expect  RTC0+RTC_IRQ_ENABLED, #0, "IRQ_ENABLED reads 0 after writing 0"

| An alarm that fires while IRQ_ENABLED is 0 keeps its interrupt pending:
| the line rises when IRQ_ENABLED is set, and CLEAR_INTERRUPT lowers it.
| (PIC 6 shows the line; the CPU is at mask 7.)
        move.l  #1,PIC6+PIC_ENABLE
        clr.l   RTC0+RTC_ALARM_HIGH
        clr.l   RTC0+RTC_ALARM_LOW
        expect  RTC0+RTC_ALARM_STATUS, #0, "an alarm in the past fires at once and is not left armed"
        expect  PIC6+PIC_PENDING, #0, "fired with IRQ_ENABLED 0: the line stays low"
        move.l  #1,RTC0+RTC_IRQ_ENABLED
        expect  PIC6+PIC_PENDING, #1, "IRQ_ENABLED 1: the line rises"
        move.l  #1,RTC0+RTC_CLEAR_INTERRUPT
        expect  PIC6+PIC_PENDING, #0, "CLEAR_INTERRUPT lowers it"

| A disarmed alarm does not fire: armed 20 instructions ahead, cleared,
| then 40 instructions pass.
        move.l  RTC0+RTC_TIME_LOW,d1
        add.l   #20*128,d1
        clr.l   RTC0+RTC_ALARM_HIGH
        move.l  d1,RTC0+RTC_ALARM_LOW
        move.l  #1,RTC0+RTC_CLEAR_ALARM
        moveq   #19,d0
.Lidle:
        dbra    d0,.Lidle
        expect  PIC6+PIC_PENDING, #0, "a cleared alarm does not fire"

| An alarm 40 instructions ahead fires once the time has reached it: polled
| through PIC 6, the first read that sees it is at most one loop round (3
| instructions) late, so the time read two instructions after it is at
| most 5 * 128 ns past the alarm; the round count is the same on every
| engine.
        move.l  RTC0+RTC_TIME_LOW,d1
        add.l   #40*128,d1
        move.l  d1,alarm_at
        clr.l   RTC0+RTC_ALARM_HIGH
        move.l  d1,RTC0+RTC_ALARM_LOW
        moveq   #0,d0
.Lpoll:
        addq.l  #1,d0
        tst.l   PIC6+PIC_PENDING
        beq.s   .Lpoll
        move.l  RTC0+RTC_TIME_LOW,d2
        move.l  d0,rounds
        sub.l   alarm_at,d2
        expect  RTC0+RTC_ALARM_STATUS, #0, "the alarm fired and disarmed"
        cmp.l   #0,d2
        sgt     d3
        cmp.l   #(3+2)*128,d2
        sle     d4
        and.b   d4,d3
        ext.w   d3
        ext.l   d3
        expect  d3, #-1, "it was seen within a loop round of its time"
        diag    "polling rounds until the alarm", rounds
        move.l  #1,RTC0+RTC_CLEAR_INTERRUPT
        expect  PIC6+PIC_PENDING, #0, "CLEAR_INTERRUPT after it fired lowers the line"

| The last read of RTC #0, for the Java test: the time is the instruction
| count so far times 128 ns, and the HALT is the next instruction.
        move.l  RTC0+RTC_TIME_LOW,d7
        move.l  #VIRT_CTRL_HALT,VIRT_CTRL_CMD
.Lstay:
        bra.s   .Lstay

        .bss
alarm_at:       .space  4
rounds:         .space  4
