| Autovectored interrupts (UM 8.1.10): the goldfish-rtc alarm on level 6
| (PIC 6, IRQ #1) and console input on level 1 (PIC 1, IRQ #32). A level
| above the SR mask is taken between instructions: a format $0 frame with
| vector offset (24 + level) * 4 and the PC of the next instruction, the
| mask raised to the level, supervisor mode. A level at or below the mask
| waits. RTE restores the SR, and a level the restored mask lets through is
| taken at once. The interrupts are let in by STOP and RTE, whose moment is
| exact on both engines (interrupt_timing.s has the rest). Level 7 is not
| tested: no device of the board raises it. Needs one byte of console input.
        .include "tap.inc"

| Each handler appends its level to `taken` (one hex digit per interrupt) and
| records its frame and its own SR. The level 6 handler lowers the RTC line,
| then branches before its RTE, so that nothing but the RTE can let a waiting
| level in. The level 1 handler disables the TTY interrupt; when `nest` is
| set it first raises the RTC alarm with all levels masked, then waits for
| it with STOP at its own mask.
level6_handler:
        move.w  sr,l6_sr
        move.l  (sp),l6_frame
        move.l  4(sp),l6_frame+4
        move.l  #1,RTC0+RTC_CLEAR_INTERRUPT
        bra.w   .Llog6
.Llog6:
        move.l  d0,-(sp)
        move.l  taken,d0
        lsl.l   #4,d0
        addq.l  #6,d0
        move.l  d0,taken
        move.l  (sp)+,d0
        rte

level1_handler:
        move.w  sr,l1_sr
        move.l  (sp),l1_frame
        move.l  4(sp),l1_frame+4
        move.l  d0,-(sp)
        move.l  taken,d0
        lsl.l   #4,d0
        addq.l  #1,d0
        move.l  d0,taken
        tst.b   nest
        beq.s   .Lno_nest
        move.w  #0x2700,sr
        bsr     alarm_now
        stop    #0x2100
nested_at:
.Lno_nest:
        move.l  #TTY_INT_DISABLE,TTY+TTY_CMD
        move.l  (sp)+,d0
        rte

| Arms RTC #0 at time 0, which has passed: it fires at once.
alarm_now:
        clr.l   RTC0+RTC_ALARM_HIGH
        clr.l   RTC0+RTC_ALARM_LOW
        rts

main:
        tap_plan 20
        move.l  #level6_handler,(VEC_AUTOVECTOR+6)*4
        move.l  #level1_handler,(VEC_AUTOVECTOR+1)*4
        move.l  #1,PIC6+PIC_ENABLE
        move.l  #1,RTC0+RTC_IRQ_ENABLED
        move.l  #0x80000000,PIC1+PIC_ENABLE

| Level 6 at mask 6 waits; STOP #0x2400 lowers the mask and takes it: the
| frame holds the PC after the STOP and the SR the STOP loaded.
        move.w  #0x2600,sr
        bsr     alarm_now
        nop
        expect  taken, #0, "level 6 waits while the mask is 6"
        expect  PIC6+PIC_STATUS, #1, "meanwhile PIC 6 has it pending"
        stop    #0x2400+CCR_Z
after_stop:
        move.w  sr,sr_after
        move.w  #0x2700,sr
        expect  taken, #6, "STOP #0x2404 takes level 6"
        expect_word l6_frame+6, (VEC_AUTOVECTOR+6)*4, "level 6: format $0, vector 30"
        expect  l6_frame+2, #after_stop, "level 6: stacked PC is the instruction after the STOP"
        expect_word l6_frame, 0x2400+CCR_Z, "level 6: stacked SR is the STOP's"
        expect_word l6_sr, 0x2600+CCR_Z, "level 6 handler: supervisor, no trace, mask 6"
        expect_word sr_after, 0x2400+CCR_Z, "RTE restores the SR"

| Priority: with levels 1 and 6 both waiting at mask 7, STOP #0x2000 takes
| 6 first; its RTE restores mask 0, and level 1 is taken at once, with the
| same return address and the restored SR stacked.
        clr.l   taken
.Lwait_input:
        tst.l   TTY+TTY_BYTES_READY
        beq.s   .Lwait_input
        move.l  #TTY_INT_ENABLE,TTY+TTY_CMD
        bsr     alarm_now
        expect  PIC1+PIC_STATUS, #1, "level 1 waits at mask 7"
        expect  PIC6+PIC_STATUS, #1, "level 6 waits at mask 7"
        stop    #0x2000
after_both:
        move.w  #0x2700,sr
        expect  taken, #0x61, "level 6 is taken before level 1"
        expect  l6_frame+2, #after_both, "level 6: stacked PC is the instruction after the STOP"
        expect_word l1_frame+6, (VEC_AUTOVECTOR+1)*4, "level 1: format $0, vector 25"
        expect  l1_frame+2, #after_both, "level 1: taken right after level 6's RTE"
        expect_word l1_frame, 0x2000, "level 1: stacked SR is the one RTE restored"
        expect_word l1_sr, 0x2100, "level 1 handler: mask 1"

| Nesting: level 1 is taken at mask 0; its handler raises level 6 and
| stops at mask 1, and level 6 interrupts it there, with the handler's SR
| stacked; both return to where they were. (The nested handler's own mask
| is checked in interrupt_mask.s: QEMU 7.2 gets it wrong.)
        clr.l   taken
        st      nest
        move.l  #TTY_INT_ENABLE,TTY+TTY_CMD
        stop    #0x2000
after_nest:
        move.w  #0x2700,sr
        expect  taken, #0x16, "level 6 interrupts the level 1 handler"
        expect  l6_frame+2, #nested_at, "nested level 6: stacked PC is in the level 1 handler"
        expect_word l6_frame, 0x2100, "nested level 6: stacked SR is the level 1 handler's"
        expect  l1_frame+2, #after_nest, "level 1: stacked PC is the instruction after the STOP"
        finish

        .bss
taken:          .space  4
l6_frame:       .space  8
l1_frame:       .space  8
l6_sr:          .space  2
l1_sr:          .space  2
sr_after:       .space  2
nest:           .space  2
