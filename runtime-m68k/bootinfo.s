| bootinfo.s: find the boot command line and whether it asks for test mode,
| and for a kernel booted from a disk image, where its data area is.
|
| QEMU passes its -append text the way it does to a Linux/m68k kernel: as a
| bootinfo record in a list written at (_end + 1) & ~1, just past the image.
| Each record is
|     u16 tag, u16 size (bytes, this 4-byte header included), data
| and tag 0 (BI_LAST) ends the list. The list is read once at start-up, before
| anything can overwrite it, and trusted as little as possible: the walk stops
| after MAX_RECORDS records or at a malformed size, and the command line is only
| read inside its own record, so stray memory can neither hang nor crash boot.

        .equ    BI_LAST, 0
        .equ    BI_COMMAND_LINE, 7
        .equ    BI_QJ_DISK, 0x8100              | from the disk image's loader (docs/disk-image.md)
        .equ    QJ_DISK_RECORD_SIZE, 16
        .equ    RECORD_HEADER_SIZE, 4
        .equ    MAX_RECORDS, 64                 | QEMU 7.2 writes about a dozen

        .text

| qj_parse_bootinfo: set qj_boot_command_line, qj_boot_test_mode,
| qj_boot_only_test and qj_boot_disk.
| in:        nothing (reads the records past _end)
| out:       qj_boot_command_line = the command line, or 0 if there is none;
|            qj_boot_test_mode = 1 if the command line holds the word
|            `qj.test`, else 0; qj_boot_only_test = N for a word
|            `qj.only=N` (see only_test_number), else 0; qj_boot_disk = the BI_QJ_DISK record's three
|            longs (the disk's transport, the data area's first sector and
|            its sectors), all 0 if the kernel was not booted from a disk
| preserves: all registers
        .globl  qj_parse_bootinfo
qj_parse_bootinfo:
        movem.l d0-d2/a0-a3,-(sp)
        clr.l   qj_boot_command_line
        clr.b   qj_boot_test_mode
        clr.l   qj_boot_only_test
        clr.l   qj_boot_disk
        clr.l   qj_boot_disk+4
        clr.l   qj_boot_disk+8

        | Walk the records, remembering where the last command line record
        | starts (a0) and ends (a1).
        move.l  #_end+1,d0
        andi.w  #0xfffe,d0
        movea.l d0,a2                   | a2 = the current record
        move.w  #MAX_RECORDS-1,d2
1:      cmpi.w  #BI_LAST,(a2)
        beq     3f
        moveq   #0,d1
        move.w  2(a2),d1                | d1 = record size
        cmpi.w  #RECORD_HEADER_SIZE,d1
        blo     3f
        btst    #0,d1
        bne     3f
        cmpi.w  #BI_QJ_DISK,(a2)
        bne     5f
        cmpi.w  #QJ_DISK_RECORD_SIZE,d1
        bne     2f
        move.l  RECORD_HEADER_SIZE(a2),qj_boot_disk
        move.l  RECORD_HEADER_SIZE+4(a2),qj_boot_disk+4
        move.l  RECORD_HEADER_SIZE+8(a2),qj_boot_disk+8
        bra     2f
5:      cmpi.w  #BI_COMMAND_LINE,(a2)
        bne     2f
        lea     RECORD_HEADER_SIZE(a2),a0
        lea     (a2,d1.l),a1
        move.l  a0,qj_boot_command_line
2:      adda.l  d1,a2
        dbra    d2,1b
3:
        tst.l   qj_boot_command_line
        beq     4f
        bsr     clip_at_nul
        bsr     has_test_word
        move.b  d0,qj_boot_test_mode
        movea.l qj_boot_command_line,a0
        bsr     only_test_number
        move.l  d0,qj_boot_only_test
4:      movem.l (sp)+,d0-d2/a0-a3
        rts

| clip_at_nul: end the command line at its NUL, if it has one before the end
| of its record.
| in:        a0 = the text, a1 = the end of its record
| out:       a1 = the end of the text
| clobbers:  a2
clip_at_nul:
        movea.l a0,a2
1:      cmpa.l  a1,a2
        bhs     2f
        tst.b   (a2)+
        bne     1b
        lea     -1(a2),a1
2:      rts

| next_word: find the next word of the text. Words are separated by spaces
| and control characters (any byte <= 0x20).
| in:        a0 = where to look from, a1 = the end of the text
| out:       a2 = the word's first byte, a0 = just past its last byte,
|            d1.l = its length; d1.l = 0 and Z set if there is no word left
next_word:
1:      cmpa.l  a1,a0
        bhs     3f
        cmpi.b  #' ',(a0)
        bhi     2f
        addq.l  #1,a0
        bra     1b
2:      movea.l a0,a2
4:      addq.l  #1,a0
        cmpa.l  a1,a0
        bhs     5f
        cmpi.b  #' ',(a0)
        bhi     4b
5:      move.l  a0,d1
        sub.l   a2,d1
        rts
3:      moveq   #0,d1
        rts

| has_test_word: does the text hold `qj.test` as a whole word?
| in:        a0 = the text, a1 = its end
| out:       d0.l = 1 if it does, else 0
| clobbers:  d1, a0, a2, a3
has_test_word:
        moveq   #0,d0
1:      bsr     next_word
        beq     3f
        cmpi.l  #TEST_WORD_LENGTH,d1
        bne     1b
        lea     test_word,a3
        moveq   #TEST_WORD_LENGTH-1,d1
        | dbne ends on the first difference (Z clear) or after the last byte
        | (Z set: every byte matched).
2:      cmpm.b  (a2)+,(a3)+
        dbne    d1,2b
        bne     1b
        moveq   #1,d0
3:      rts

| only_test_number: the number N of the first word `qj.only=N`, which asks
| the harness to run test N alone. A malformed N (empty, not all decimal
| digits, 0, or more than 9 digits) gives -1, a number no test has, so the
| harness says so instead of quietly running every test.
| in:        a0 = the text, a1 = its end
| out:       d0.l = N, or 0 if there is no such word
| clobbers:  d1, d2, a0, a2, a3
only_test_number:
        moveq   #0,d0
1:      bsr     next_word
        beq     9f
        cmpi.l  #ONLY_PREFIX_LENGTH,d1
        blo     1b
        lea     only_prefix,a3
        moveq   #ONLY_PREFIX_LENGTH-1,d2
2:      cmpm.b  (a2)+,(a3)+
        dbne    d2,2b
        bne     1b
        | a2 = the first digit, a0 = the end of the word.
        subi.l  #ONLY_PREFIX_LENGTH,d1
        beq     8f
        cmpi.l  #9,d1
        bhi     8f
3:      moveq   #0,d2
        move.b  (a2)+,d2
        subi.b  #'0',d2
        cmpi.b  #9,d2
        bhi     8f                      | unsigned: below '0' wrapped round too
        mulu.l  #10,d0
        add.l   d2,d0
        cmpa.l  a0,a2
        blo     3b
        tst.l   d0
        bne     9f
8:      moveq   #-1,d0
9:      rts

        .section .rodata
test_word:
        .ascii  "qj.test"
        .equ    TEST_WORD_LENGTH, . - test_word
only_prefix:
        .ascii  "qj.only="
        .equ    ONLY_PREFIX_LENGTH, . - only_prefix

        .section .bss,"aw",@nobits
| Where the command line is (the bootinfo record's text), or 0.
        .balign 4
        .globl  qj_boot_command_line
qj_boot_command_line:
        .skip   4
| 1 if the command line holds the word `qj.test`, else 0.
        .globl  qj_boot_test_mode
qj_boot_test_mode:
        .skip   1
| The test the command line asks the harness to run alone (`qj.only=N`):
| N, -1 if N is malformed, 0 to run every test.
        .balign 4
        .globl  qj_boot_only_test
qj_boot_only_test:
        .skip   4
| A kernel booted from a disk image: the disk's virtio-mmio transport, the
| first sector of the kernel's data area, and its sectors; zeros otherwise.
        .balign 4
        .globl  qj_boot_disk
qj_boot_disk:
        .skip   12
