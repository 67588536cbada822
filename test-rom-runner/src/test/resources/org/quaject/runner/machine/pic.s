| goldfish-pic registers as QEMU 7.2 implements them (board-virt68030.md):
| STATUS is the number of lines pending and enabled, IRQ_PENDING their mask;
| ENABLE and DISABLE set and clear enable bits; IRQ_DISABLE_ALL clears every
| enable and pending bit, and a line that stays high is pending again only
| when its device drives it anew. PIC 6 and its two RTCs (IRQ #1 and #2)
| serve as the example; the CPU stays at mask 7.
        .include "tap.inc"

| fire RTC: arms that RTC's alarm at time 0, which has passed, so that it
| fires at once and its line rises (IRQ_ENABLED is set first).
        .macro  fire rtc
        move.l  #1,\rtc+RTC_IRQ_ENABLED
        clr.l   \rtc+RTC_ALARM_HIGH
        clr.l   \rtc+RTC_ALARM_LOW
        .endm

main:
        tap_plan 14
        expect  PIC6+PIC_STATUS, #0, "after boot STATUS is 0"
        expect  PIC6+PIC_PENDING, #0, "after boot IRQ_PENDING is 0"

| Both RTC lines high, nothing enabled: nothing shows.
        fire    RTC0
        fire    RTC1
        expect  PIC6+PIC_PENDING, #0, "lines high but not enabled: IRQ_PENDING 0"
        expect  PIC6+PIC_STATUS, #0, "and STATUS 0"

| ENABLE adds bits, DISABLE removes them; STATUS counts what is left.
        move.l  #1,PIC6+PIC_ENABLE
        expect  PIC6+PIC_PENDING, #1, "ENABLE IRQ #1: IRQ_PENDING shows it"
        expect  PIC6+PIC_STATUS, #1, "STATUS 1"
        move.l  #2,PIC6+PIC_ENABLE
        expect  PIC6+PIC_PENDING, #3, "ENABLE IRQ #2 as well: both show"
        expect  PIC6+PIC_STATUS, #2, "STATUS 2"
        move.l  #1,PIC6+PIC_DISABLE
        expect  PIC6+PIC_PENDING, #2, "DISABLE IRQ #1: only IRQ #2 shows"
        expect  PIC6+PIC_STATUS, #1, "STATUS 1 again"

| IRQ_DISABLE_ALL forgets the pending lines too, though they stay high.
        move.l  #1,PIC6+PIC_DISABLE_ALL
        move.l  #3,PIC6+PIC_ENABLE
        expect  PIC6+PIC_PENDING, #0, "after IRQ_DISABLE_ALL and ENABLE, nothing is pending"

| A device that drives its line again makes it pending again: RTC #0 by a
| new alarm after CLEAR_INTERRUPT, RTC #1 by a write to IRQ_ENABLED.
        move.l  #1,RTC0+RTC_CLEAR_INTERRUPT
        fire    RTC0
        expect  PIC6+PIC_PENDING, #1, "RTC #0 fired again: IRQ #1 pending"
        move.l  #1,RTC1+RTC_IRQ_ENABLED
        expect  PIC6+PIC_PENDING, #3, "RTC #1 drove its line again: IRQ #2 pending"

| The other PICs saw none of it.
        expect  PIC1+PIC_STATUS, #0, "PIC 1 has nothing"
        finish
