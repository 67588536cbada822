| bootinfo.s: the boot information the loader reads and the one it hands on.
|
| QEMU (and the runner) write Linux/m68k bootinfo records past the loader's
| end, at (_end + 1) & ~1: each a u16 tag, a u16 size (this 4-byte header
| included) and data; tag 0 ends the list (runtime-m68k/bootinfo.s). The
| loader takes the RAM size from BI_MEMCHUNK, and gives the kernel the same
| records past the kernel's own end, plus one of its own, BI_QJ_DISK, that
| says where the kernel's data area is on the disk. The walks stop after
| MAX_RECORDS records or at a malformed size.

        .equ    BI_LAST, 0
        .equ    BI_MEMCHUNK, 5
        .equ    BI_QJ_DISK, 0x8100              | docs/disk-image.md
        .equ    QJ_DISK_RECORD_SIZE, 16         | header, transport, first sector, sectors
        .equ    TRANSPORT, 0xff01fe00           | the disk: virtio-mmio transport 127
        .equ    RECORD_HEADER_SIZE, 4
        .equ    MAX_RECORDS, 64
        .equ    MEMCHUNK_ADDRESS, 4             | data: u32 address, u32 size
        .equ    MEMCHUNK_SIZE, 8
        .equ    PAGE_0_END, 0x1000

        .text

| ram_end: the first address past RAM, from the loader's own records.
| out:       d0.l = that address
| clobbers:  d1, a0
        .globl  ram_end
ram_end:
        bsr     records_start
1:      bsr     record_valid
        beq     no_memchunk
        cmpi.w  #BI_MEMCHUNK,(a0)
        beq.s   2f
        moveq   #0,d0
        move.w  2(a0),d0
        adda.l  d0,a0
        dbra    d1,1b
        bra     no_memchunk
2:      move.l  MEMCHUNK_ADDRESS(a0),d0
        add.l   MEMCHUNK_SIZE(a0),d0
        rts

| bootinfo_for_kernel: copy the loader's records to the kernel, with BI_QJ_DISK.
| in:        a0 = where (the kernel's end, rounded up to even), a1 = the
|            first address the records may not reach, d0.l = the data area's
|            first sector, d1.l = its sectors
| out:       returns only if the records fit
| clobbers:  d0-d2, a0, a3
        .globl  bootinfo_for_kernel
bootinfo_for_kernel:
        movem.l d0-d1,-(sp)
        movea.l a0,a3                           | a3 = where the next record goes
        bsr     records_start
1:      bsr     record_valid
        beq.s   3f
        moveq   #0,d0
        move.w  2(a0),d0
        bsr     room_for
        subq.w  #1,d0
2:      move.b  (a0)+,(a3)+                     | leaves a0 at the next record
        dbra    d0,2b
        dbra    d1,1b
3:      moveq   #QJ_DISK_RECORD_SIZE+RECORD_HEADER_SIZE,d0
        bsr     room_for
        movem.l (sp)+,d0-d1
        move.w  #BI_QJ_DISK,(a3)+
        move.w  #QJ_DISK_RECORD_SIZE,(a3)+
        move.l  #TRANSPORT,(a3)+
        move.l  d0,(a3)+
        move.l  d1,(a3)+
        clr.w   (a3)+                           | BI_LAST
        move.w  #RECORD_HEADER_SIZE,(a3)+
        rts

| records_start: the loader's first record.
| out:       a0 = the record, d1.w = the most records to walk, less one (for dbra)
records_start:
        lea     _end+1,a0
        move.l  a0,d1
        andi.w  #0xfffe,d1
        movea.l d1,a0
        move.w  #MAX_RECORDS-1,d1
        rts

| record_valid: is there a record to read at a0: not the end of the list,
| well formed, and inside page 0, where QEMU writes them?
| in:        a0 = the record
| out:       Z clear if there is
| clobbers:  d0
record_valid:
        tst.w   (a0)
        beq.s   1f                              | BI_LAST: Z set
        moveq   #0,d0
        move.w  2(a0),d0
        cmpi.w  #RECORD_HEADER_SIZE,d0
        blo.s   2f
        btst    #0,d0
        bne.s   2f
        add.l   a0,d0
        cmpi.l  #PAGE_0_END,d0
        bhi.s   2f
        moveq   #1,d0                           | Z clear
1:      rts
2:      moveq   #0,d0                           | malformed: the end, as far as the loader goes
        rts

| room_for: fail unless d0.l more bytes fit from a3 below a1.
| clobbers:  d2
room_for:
        move.l  a3,d2
        add.l   d0,d2
        bcs.s   1f
        cmp.l   a1,d2
        bhi.s   1f
        rts
1:      lea     no_room_text,a0
        jmp     loader_fail

no_memchunk:
        lea     no_memchunk_text,a0
        jmp     loader_fail

        .section .rodata
no_memchunk_text:
        .asciz  "the board's boot information does not give the RAM size (no BI_MEMCHUNK record)"
no_room_text:
        .asciz  "the kernel's boot information does not fit below the loader's last page of RAM"
