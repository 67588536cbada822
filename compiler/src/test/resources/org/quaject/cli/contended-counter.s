| A lock-free counter for the stress-mode options of qj run and qj test: the
| main line adds 1 to it ROUNDS times with a CAS retry loop, and each
| interrupt of goldfish-rtc #0 (level 6, autovector 30) adds 1 more the same
| way and re-arms the alarm 40 us on. It prints one TAP test, that no
| increment was lost, then the number of interrupts, and halts through
| virt-ctrl. Addresses: board-virt68030.md.
        .equ    ROUNDS, 300
        .equ    VECTOR_LEVEL6, 30*4
        .equ    PIC6_ENABLE, 0xff005010
        .equ    RTC0, 0xff006000
        .equ    RTC_TIME_LOW, 0x00
        .equ    RTC_ALARM_LOW, 0x08
        .equ    RTC_ALARM_HIGH, 0x0c
        .equ    RTC_IRQ_ENABLED, 0x10
        .equ    RTC_CLEAR_ALARM, 0x14
        .equ    RTC_CLEAR_INTERRUPT, 0x1c
        .equ    TTY_PUT_CHAR, 0xff008000
        .equ    VIRT_CTRL_CMD, 0xff009004
        .equ    VIRT_CTRL_HALT, 2
        .equ    DELAY_NS, 40000

        .text
        .globl  _start
| Boot: a stack, the RTC's vector, its line enabled at the PIC and the RTC,
| the first alarm, then the main line's rounds with interrupts let in.
_start:
        lea     stack_top,sp
        move.l  #rtc_handler,VECTOR_LEVEL6
        move.l  #1,PIC6_ENABLE
        move.l  #1,RTC0+RTC_IRQ_ENABLED
        bsr     arm
        move.w  #0x2000,sr
        move.w  #ROUNDS-1,d7
.Lround:
        bsr     bump
        dbra    d7,.Lround

| Interrupts off, then the verdict: ROUNDS plus one per interrupt.
        move.w  #0x2700,sr
        move.l  #1,RTC0+RTC_CLEAR_ALARM
        lea     plan,a0
        bsr     puts
        move.l  handled,d0
        add.l   #ROUNDS,d0
        cmp.l   counter,d0
        beq.s   .Lpassed
        lea     not,a0
        bsr     puts
.Lpassed:
        lea     ok,a0
        bsr     puts
        move.l  #VIRT_CTRL_HALT,VIRT_CTRL_CMD
.Lhalted:
        bra.s   .Lhalted

| bump: counter += 1; read it, compare-and-swap, again while the CAS fails.
bump:
        movem.l d0-d1,-(sp)
.Lcas:
        move.l  counter,d0
        move.l  d0,d1
        addq.l  #1,d1
        cas.l   d0,d1,counter
        bne.s   .Lcas
        movem.l (sp)+,d0-d1
        rts

| The RTC's handler: lower its line, bump, count, re-arm.
rtc_handler:
        move.l  #1,RTC0+RTC_CLEAR_INTERRUPT
        bsr     bump
        addq.l  #1,handled
        bsr     arm
        rte

| arm: the alarm DELAY_NS from now (the time stays below 2^32 ns).
arm:
        move.l  d0,-(sp)
        move.l  RTC0+RTC_TIME_LOW,d0
        add.l   #DELAY_NS,d0
        clr.l   RTC0+RTC_ALARM_HIGH
        move.l  d0,RTC0+RTC_ALARM_LOW
        move.l  (sp)+,d0
        rts

| puts: the NUL-terminated string at a0 on the console.
puts:
        move.l  d0,-(sp)
        moveq   #0,d0
.Lnext:
        move.b  (a0)+,d0
        beq.s   .Ldone
        move.l  d0,TTY_PUT_CHAR
        bra.s   .Lnext
.Ldone:
        move.l  (sp)+,d0
        rts

plan:   .asciz  "1..1\n"
not:    .asciz  "not "
ok:     .asciz  "ok 1 - no increment of the counter is lost\n"

        .bss
        .even
counter:        .space  4
handled:        .space  4
        .space  1024
stack_top:
