| loader.s: the boot loader of disk images (docs/disk-image.md).
|
| `qj run OUT.img` boots this program (QEMU's -kernel, or the runner), with
| the image attached as the board's first virtio-blk disk. It loads into page
| 0, which no kernel uses, and starts at _start in supervisor mode with
| interrupts masked. It reads the image's header from sector 0, loads each
| segment of the kernel at its address and checks its CRC-32, writes the
| kernel's boot information past the kernel's end (the records the loader was
| given, plus where the kernel's data area is), puts the disk back in reset,
| and jumps to the kernel's entry with SR = 0x2700 — what a kernel booted
| directly gets. Anything wrong is said on the console, and the board panics.
|
| The loader's buffers (the virtqueue, the header, the stack) are in the
| last page of RAM, which the kernel's image must leave free.

        .equ    SR_SUPERVISOR_NO_IRQ, 0x2700
        .equ    KERNEL_LOWEST, 0x1000           | boot/virt68030.ld links kernels from here
        .equ    SCRATCH_BYTES, 0x1000           | the loader's buffers, at the top of RAM
        .equ    QUEUE_AREA, 0x000               | offsets in the scratch page; the
        .equ    HEADER_BUFFER, 0x200            | stack grows down from its end
        .equ    SECTOR_BYTES, 512
        .equ    SECTOR_SHIFT, 9

        | The header, big-endian (docs/disk-image.md, compiler's DiskImage).
        .equ    MAGIC, 0x514a494d               | "QJIM"
        .equ    VERSION, 1
        .equ    HDR_MAGIC, 0x00
        .equ    HDR_VERSION, 0x04
        .equ    HDR_CRC, 0x08
        .equ    HDR_ENTRY, 0x0c
        .equ    HDR_END, 0x10
        .equ    HDR_SEGMENTS, 0x18
        .equ    HDR_DATA_SECTOR, 0x1c
        .equ    HDR_DATA_SECTORS, 0x20
        .equ    HDR_SEGMENT_TABLE, 0x40
        .equ    SEG_ADDRESS, 0
        .equ    SEG_BYTES, 4
        .equ    SEG_SECTOR, 8
        .equ    SEG_CRC, 12
        .equ    SEG_ENTRY_BYTES, 16
        .equ    MAX_SEGMENTS, 16

        .text

| _start: the loader's entry.
| in:  nothing (SR as the board left it; A7 not set up)
| out: never returns: the kernel runs, or the board panics
        .globl  _start
_start:
        move.w  #SR_SUPERVISOR_NO_IRQ,sr
        lea     boot_stack_top,sp
        suba.l  a0,a0                           | the vectors are at 0 (loader.ld)
        movec   a0,vbr

        | The scratch page: the last page of RAM, whose top is the stack
        | from here on (page 0 has room for a small one only).
        bsr     ram_end
        movea.l d0,sp
        sub.l   #SCRATCH_BYTES,d0
        move.l  d0,scratch

        | The disk, then the header in sector 0.
        movea.l d0,a0
        lea     QUEUE_AREA(a0),a0
        bsr     blk_open
        movea.l scratch,a2
        lea     HEADER_BUFFER(a2),a2            | a2 = the header from here on
        moveq   #0,d0
        moveq   #1,d1
        movea.l a2,a0
        bsr     blk_read
        bsr     check_header

        | Each segment: room for it, its sectors straight to its address, its CRC.
        lea     HDR_SEGMENT_TABLE(a2),a3
        move.l  HDR_SEGMENTS(a2),d4
        subq.w  #1,d4
1:      bsr     load_segment
        lea     SEG_ENTRY_BYTES(a3),a3
        dbra    d4,1b

        | The kernel's boot information past its end, and the disk out of the way.
        move.l  HDR_END(a2),d0
        addq.l  #1,d0
        andi.w  #0xfffe,d0
        movea.l d0,a0
        movea.l scratch,a1
        move.l  HDR_DATA_SECTOR(a2),d0
        move.l  HDR_DATA_SECTORS(a2),d1
        bsr     bootinfo_for_kernel
        bsr     blk_reset

        movea.l HDR_ENTRY(a2),a0
        move.w  #SR_SUPERVISOR_NO_IRQ,sr
        jmp     (a0)

| check_header: is sector 0 a header this loader reads, intact, for a
| kernel whose data area is on the disk?
| in:        a2 = the header
| out:       returns only if so; the header's CRC field reads 0 afterwards
| clobbers:  d0-d3, a0-a1
check_header:
        cmpi.l  #MAGIC,HDR_MAGIC(a2)
        bne     not_an_image
        move.l  HDR_VERSION(a2),d0
        cmpi.l  #VERSION,d0
        bne     wrong_version
        move.l  HDR_CRC(a2),d3
        clr.l   HDR_CRC(a2)                     | the CRC covers the header with its own field 0
        movea.l a2,a0
        move.l  #SECTOR_BYTES,d0
        bsr     crc32
        cmp.l   d3,d0
        bne     damaged_header
        move.l  HDR_SEGMENTS(a2),d0
        beq     damaged_header
        cmpi.l  #MAX_SEGMENTS,d0
        bhi     damaged_header
        move.l  HDR_DATA_SECTOR(a2),d0
        add.l   HDR_DATA_SECTORS(a2),d0
        bcs     data_past_end
        cmp.l   blk_capacity,d0
        bhi     data_past_end
        rts

| load_segment: one segment to its address, checked.
| in:        a3 = its entry in the header's segment table
| out:       returns only if it is in place and its CRC-32 is right
| clobbers:  d0-d3, a0-a1
load_segment:
        move.l  SEG_ADDRESS(a3),d0
        cmpi.l  #KERNEL_LOWEST,d0
        blo     segment_too_low
        | Whole sectors are read: the room needed is the length rounded up.
        move.l  SEG_BYTES(a3),d1
        add.l   #SECTOR_BYTES-1,d1
        bcs     does_not_fit
        moveq   #SECTOR_SHIFT,d2
        lsr.l   d2,d1                           | d1 = sectors
        move.l  d1,d2
        moveq   #SECTOR_SHIFT,d3
        lsl.l   d3,d2
        add.l   d0,d2                           | d2 = the end of what is read
        bcs     does_not_fit
        cmp.l   scratch,d2
        bhi     does_not_fit
        movea.l d0,a0
        move.l  SEG_SECTOR(a3),d0
        bsr     blk_read
        movea.l SEG_ADDRESS(a3),a0
        move.l  SEG_BYTES(a3),d0
        bsr     crc32
        cmp.l   SEG_CRC(a3),d0
        bne     segment_damaged
        rts

| What can be wrong with an image: each says so and panics.
not_an_image:
        lea     not_an_image_text,a0
        bra     loader_fail
wrong_version:
        lea     wrong_version_text,a0
        bra     loader_fail_number
damaged_header:
        lea     damaged_header_text,a0
        bra     loader_fail
data_past_end:
        lea     data_past_end_text,a0
        move.l  blk_capacity,d0
        bra     loader_fail_number
segment_too_low:
        lea     segment_too_low_text,a0
        bra     loader_fail_hex
does_not_fit:
        lea     does_not_fit_text,a0
        move.l  SEG_ADDRESS(a3),d0
        bra     loader_fail_hex
segment_damaged:
        lea     segment_damaged_text,a0
        move.l  SEG_ADDRESS(a3),d0
        bra     loader_fail_hex

        .section .rodata
not_an_image_text:
        .asciz  "the disk is not a quaject disk image (no QJIM header in sector 0)"
wrong_version_text:
        .asciz  "the disk image is format version 1 only; this one says version "
damaged_header_text:
        .asciz  "the disk image's header is damaged (its CRC-32 does not match)"
data_past_end_text:
        .asciz  "the kernel's data area ends past the end of the disk; sectors on the disk: "
segment_too_low_text:
        .asciz  "a segment loads below 0x1000, where the loader runs: at "
does_not_fit_text:
        .asciz  "the kernel does not fit in RAM below the loader's last page: segment at "
segment_damaged_text:
        .asciz  "a segment of the kernel is damaged (its CRC-32 does not match): segment at "

        .section .bss,"aw",@nobits
        .balign 4
| The first byte of the scratch page.
scratch:
        .skip   4
| Enough for finding the RAM's end, or for saying that it cannot.
        .skip   128
boot_stack_top:
