| The boot information records past the image, as QEMU 7.2's virt machine
| writes them (board-virt68030.md; Linux asm/bootinfo.h): each a tag and a
| size word, then data; tag 0 ends the list. The runner must write the same
| records in the same order, so that a guest walking them executes the same
| instructions on both engines: the time read after the walk says so.
        .include "tap.inc"

        .equ    BI_LAST, 0
        .equ    BI_RNG_SEED, 8

main:
        tap_plan 1
| The list starts at the first even address past the image (its bss
| included), which is where the linker's _end is.
        move.l  #_end+1,d0
        andi.w  #0xfffe,d0
        movea.l d0,a0

| Every record's tag and size, and its first data long word; not the random
| seed's, which QEMU makes new on every boot.
.Lrecord:
        move.l  (a0),d1
        diag    "tag and size", d1
        swap    d1
        cmpi.w  #BI_LAST,d1
        beq     .Lend
        cmpi.w  #BI_RNG_SEED,d1
        beq     .Lnext
        diag    "data", 4(a0)
.Lnext:
        adda.w  2(a0),a0
        bra     .Lrecord

.Lend:
        andi.l  #0xffff,d1
        expect  d1, #BI_LAST, "the list ends with BI_LAST"
        move.l  RTC0+RTC_TIME_LOW,d3
        diag    "time after the walk", d3
        finish
