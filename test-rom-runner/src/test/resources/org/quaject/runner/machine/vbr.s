| The vector base register (UM 8.1 and MOVEC): exceptions and interrupts
| fetch their vectors from VBR + 4 * vector. It is 0 after reset; MOVEC
| moves it, and from then on the new table is used.
        .include "tap.inc"

| The handlers of the second table note which one ran.
moved_trap_handler:
        move.l  #1,moved_trap_ran
        rte
moved_level6_handler:
        move.l  #1,moved_level6_ran
        move.l  #1,RTC0+RTC_CLEAR_INTERRUPT
        rte

main:
        tap_plan 7
        movec   vbr,d0
        expect  d0, #0, "VBR is 0 after reset"

| A second table: every vector unexpected but TRAP #4 and level 6. The
| table at 0 keeps TRAP #4 unexpected, so using it shows.
        lea     moved_table,a0
        move.w  #255,d0
.Lfill:
        move.l  #unexpected_exception,(a0)+
        dbra    d0,.Lfill
        lea     moved_table,a0
        move.l  #moved_trap_handler,(VEC_TRAP+4)*4(a0)
        move.l  #moved_level6_handler,(VEC_AUTOVECTOR+6)*4(a0)
        move.l  #back_to_supervisor,(VEC_TRAP+SUPERVISOR_TRAP)*4(a0)
        movec   a0,vbr
        movec   vbr,d1
        expect  d1, #moved_table, "MOVEC to VBR then from VBR round-trips"

| A TRAP and an interrupt through the moved table.
        trap    #4
        expect  moved_trap_ran, #1, "TRAP #4 uses the moved table"
        move.l  #1,PIC6+PIC_ENABLE
        move.l  #1,RTC0+RTC_IRQ_ENABLED
        clr.l   RTC0+RTC_ALARM_HIGH
        clr.l   RTC0+RTC_ALARM_LOW
        stop    #0x2000
        move.w  #0x2700,sr
        expect  moved_level6_ran, #1, "level 6 uses the moved table"

| From user mode too, and back to the table at 0.
        clr.l   moved_trap_ran
        enter_user
        trap    #4
        enter_supervisor
        expect  moved_trap_ran, #1, "TRAP #4 from user mode uses the moved table"
        suba.l  a0,a0
        movec   a0,vbr
        catch   VEC_TRAP+4
        trap    #4
        expect  caught_count, #1, "after VBR is set back to 0, the table at 0 is used"
        expect  moved_trap_ran, #1, "and the moved table is not"
        finish

        .bss
        .balign 4
moved_table:    .space  1024
moved_trap_ran: .space  4
moved_level6_ran: .space 4
