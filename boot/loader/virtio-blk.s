| virtio-blk.s: the loader's disk, read by polling.
|
| The disk is the board's first virtio-blk device, at virtio-mmio transport
| 127 (board-virt68030.md, "virtio-mmio"). The transport is the modern one
| (Version 2), and its registers, the rings and the request header are
| little-endian: values cross through `le32`, or are written pre-swapped by
| `put_reg`. One request at a time through a queue of QUEUE_SIZE entries:
| the header, the data and the status byte, three descriptors whose only
| changing fields are the data's address and length. Interrupts stay masked;
| each completion's interrupt is acknowledged so that no line is left high
| for the kernel.

        .equ    TRANSPORT, 0xff01fe00
        .equ    MAGIC_VALUE, 0x000
        .equ    VERSION, 0x004
        .equ    DEVICE_ID, 0x008
        .equ    DRIVER_FEATURES, 0x020
        .equ    DRIVER_FEATURES_SEL, 0x024
        .equ    QUEUE_SEL, 0x030
        .equ    QUEUE_NUM_MAX, 0x034
        .equ    QUEUE_NUM, 0x038
        .equ    QUEUE_READY, 0x044
        .equ    QUEUE_NOTIFY, 0x050
        .equ    INTERRUPT_STATUS, 0x060
        .equ    INTERRUPT_ACK, 0x064
        .equ    STATUS, 0x070
        .equ    QUEUE_DESC_LOW, 0x080
        .equ    QUEUE_DESC_HIGH, 0x084
        .equ    QUEUE_DRIVER_LOW, 0x090
        .equ    QUEUE_DRIVER_HIGH, 0x094
        .equ    QUEUE_DEVICE_LOW, 0x0a0
        .equ    QUEUE_DEVICE_HIGH, 0x0a4
        .equ    CAPACITY_LOW, 0x100
        .equ    CAPACITY_HIGH, 0x104

        .equ    VIRT_MAGIC, 0x74726976          | "virt", read as a little-endian long
        .equ    MODERN, 2
        .equ    BLOCK_DEVICE, 2
        | Device status bits (VIRTIO 1.1, 2.1).
        .equ    ACKNOWLEDGE, 1
        .equ    DRIVER, 2
        .equ    DRIVER_OK, 4
        .equ    FEATURES_OK, 8
        .equ    FEATURES_OK_BIT, 3
        .equ    VERSION_1, 1                    | feature 32: bit 0 of feature word 1

        | The queue area (blk_open's a0), 16-aligned for the descriptors.
        .equ    QUEUE_SIZE, 4
        .equ    DESCRIPTORS, 0x00               | QUEUE_SIZE x 16 bytes
        .equ    AVAIL, 0x40                     | flags, idx, ring[QUEUE_SIZE], used_event
        .equ    USED, 0x60                      | flags, idx, ring[QUEUE_SIZE] of id and len, avail_event
        .equ    REQUEST, 0xa0                   | type, reserved, sector (low, high)
        .equ    REQUEST_STATUS, 0xb0
        .equ    QUEUE_AREA_BYTES, 0xc0
        .equ    RING_INDEX, 2                   | idx in both rings
        .equ    RING_ENTRIES, 4
        .equ    DESCRIPTOR_BYTES, 16
        .equ    DESC_ADDR, 0                    | u64
        .equ    DESC_LEN, 8
        .equ    DESC_FLAGS, 12
        .equ    DESC_NEXT, 14
        .equ    HEADER_DESC, 0
        .equ    DATA_DESC, DESCRIPTOR_BYTES
        .equ    STATUS_DESC, 2*DESCRIPTOR_BYTES
        .equ    F_NEXT, 1
        .equ    F_WRITE, 2                      | the device writes the buffer
        .equ    REQUEST_HEADER_BYTES, 16
        .equ    MAX_SECTORS, 128                | 64 KiB a request

        | le32 Dn: a long between the 68030's byte order and the device's.
        .macro  le32 reg
        ror.w   #8,\reg
        swap    \reg
        ror.w   #8,\reg
        .endm

        | put_reg VALUE, REGISTER: a constant to a transport register. (`|`
        | starts a comment in m68k assembly: flags are added, not or-ed.)
        .macro  put_reg value, register
        move.l  #((((\value)&0xff)<<24)+(((\value)&0xff00)<<8)+(((\value)>>8)&0xff00)+(((\value)>>24)&0xff)),TRANSPORT+\register
        .endm

        .text

| blk_open: find the disk and make it ready for requests.
| in:        a0 = the queue area: QUEUE_AREA_BYTES, 16-aligned
| out:       blk_capacity = the disk's sectors (all ones beyond 2^32 - 1);
|            returns only if there is a virtio-blk disk at transport 127
| clobbers:  d0, a1
        .globl  blk_open
blk_open:
        move.l  a0,queue_area
        movea.l a0,a1
        moveq   #QUEUE_AREA_BYTES/4-1,d0
1:      clr.l   (a1)+
        dbra    d0,1b

        move.l  TRANSPORT+MAGIC_VALUE,d0
        le32    d0
        cmpi.l  #VIRT_MAGIC,d0
        bne     no_transport
        move.l  TRANSPORT+VERSION,d0
        le32    d0
        cmpi.l  #MODERN,d0
        bne     not_modern
        move.l  TRANSPORT+DEVICE_ID,d0
        le32    d0
        tst.l   d0
        beq     no_disk
        cmpi.l  #BLOCK_DEVICE,d0
        bne     not_a_disk

        | The handshake of VIRTIO 1.1, 3.1.1: reset, acknowledge, driver,
        | VIRTIO_F_VERSION_1 and nothing else, features OK.
        put_reg 0,STATUS
        put_reg ACKNOWLEDGE,STATUS
        put_reg ACKNOWLEDGE+DRIVER,STATUS
        put_reg 1,DRIVER_FEATURES_SEL
        put_reg VERSION_1,DRIVER_FEATURES
        put_reg 0,DRIVER_FEATURES_SEL
        put_reg 0,DRIVER_FEATURES
        put_reg ACKNOWLEDGE+DRIVER+FEATURES_OK,STATUS
        move.l  TRANSPORT+STATUS,d0
        le32    d0
        btst    #FEATURES_OK_BIT,d0
        beq     features_refused

        | Queue 0: its size and where its three parts are.
        put_reg 0,QUEUE_SEL
        move.l  TRANSPORT+QUEUE_NUM_MAX,d0
        le32    d0
        cmpi.l  #QUEUE_SIZE,d0
        blo     queue_too_small
        put_reg QUEUE_SIZE,QUEUE_NUM
        move.l  a0,d0
        le32    d0
        move.l  d0,TRANSPORT+QUEUE_DESC_LOW
        put_reg 0,QUEUE_DESC_HIGH
        lea     AVAIL(a0),a1
        move.l  a1,d0
        le32    d0
        move.l  d0,TRANSPORT+QUEUE_DRIVER_LOW
        put_reg 0,QUEUE_DRIVER_HIGH
        lea     USED(a0),a1
        move.l  a1,d0
        le32    d0
        move.l  d0,TRANSPORT+QUEUE_DEVICE_LOW
        put_reg 0,QUEUE_DEVICE_HIGH
        put_reg 1,QUEUE_READY
        put_reg ACKNOWLEDGE+DRIVER+FEATURES_OK+DRIVER_OK,STATUS

        | The capacity, a 64-bit count of sectors.
        moveq   #-1,d0
        tst.l   TRANSPORT+CAPACITY_HIGH
        bne.s   2f
        move.l  TRANSPORT+CAPACITY_LOW,d0
        le32    d0
2:      move.l  d0,blk_capacity

        | The chain every request uses: header -> data (written by the
        | device: the loader only reads) -> status byte.
        lea     REQUEST(a0),a1
        move.l  a1,d0
        le32    d0
        move.l  d0,HEADER_DESC+DESC_ADDR(a0)
        move.l  #REQUEST_HEADER_BYTES<<24,HEADER_DESC+DESC_LEN(a0)
        move.w  #F_NEXT<<8,HEADER_DESC+DESC_FLAGS(a0)
        move.w  #1<<8,HEADER_DESC+DESC_NEXT(a0)
        move.w  #(F_NEXT+F_WRITE)<<8,DATA_DESC+DESC_FLAGS(a0)
        move.w  #2<<8,DATA_DESC+DESC_NEXT(a0)
        lea     REQUEST_STATUS(a0),a1
        move.l  a1,d0
        le32    d0
        move.l  d0,STATUS_DESC+DESC_ADDR(a0)
        move.l  #1<<24,STATUS_DESC+DESC_LEN(a0)
        move.w  #F_WRITE<<8,STATUS_DESC+DESC_FLAGS(a0)
        rts

| blk_read: read sectors into memory, by polling, 64 KiB a request at most.
| in:        d0.l = the first sector, d1.l = how many (0 reads nothing),
|            a0 = where to
| out:       returns only if every sector arrived
| clobbers:  d0-d3, a0-a1
        .globl  blk_read
blk_read:
        movea.l queue_area,a1
1:      tst.l   d1
        beq     4f
        move.l  d1,d2                           | d2 = the sectors of this request
        cmpi.l  #MAX_SECTORS,d2
        bls.s   2f
        move.l  #MAX_SECTORS,d2
        | The request: type IN (0) from sector d0, into a0.
2:      clr.l   REQUEST(a1)
        move.l  d0,d3
        le32    d3
        move.l  d3,REQUEST+8(a1)
        clr.l   REQUEST+12(a1)
        move.l  a0,d3
        le32    d3
        move.l  d3,DATA_DESC+DESC_ADDR(a1)
        move.l  d2,d3
        lsl.l   #8,d3
        add.l   d3,d3                           | bytes: sectors x 512
        le32    d3
        move.l  d3,DATA_DESC+DESC_LEN(a1)
        st      REQUEST_STATUS(a1)              | not 0 (OK) until the device says so

        | Offer the chain's head (descriptor 0) in the next slot of the
        | available ring, then publish the ring's new index.
        move.w  available,d3
        andi.w  #QUEUE_SIZE-1,d3
        add.w   d3,d3
        clr.w   AVAIL+RING_ENTRIES(a1,d3.w)
        move.w  available,d3
        addq.w  #1,d3
        move.w  d3,available
        ror.w   #8,d3
        move.w  d3,AVAIL+RING_INDEX(a1)
        put_reg 0,QUEUE_NOTIFY

        | The device has used it when the used ring's index catches up.
3:      cmp.w   USED+RING_INDEX(a1),d3
        bne.s   3b
        move.l  TRANSPORT+INTERRUPT_STATUS,d3
        move.l  d3,TRANSPORT+INTERRUPT_ACK
        tst.b   REQUEST_STATUS(a1)
        bne     read_error

        add.l   d2,d0
        sub.l   d2,d1
        lsl.l   #8,d2
        add.l   d2,d2
        adda.l  d2,a0
        bra     1b
4:      rts

| blk_reset: put the disk back in reset, for the kernel's own driver.
| clobbers:  nothing
        .globl  blk_reset
blk_reset:
        put_reg 0,STATUS
        rts

| What can be wrong with the disk: each says so and panics.
no_transport:
        lea     no_transport_text,a0
        jmp     loader_fail
not_modern:
        lea     not_modern_text,a0
        jmp     loader_fail_number
no_disk:
        lea     no_disk_text,a0
        jmp     loader_fail
not_a_disk:
        lea     not_a_disk_text,a0
        jmp     loader_fail_number
features_refused:
        lea     features_refused_text,a0
        jmp     loader_fail
queue_too_small:
        lea     queue_too_small_text,a0
        jmp     loader_fail_number
read_error:
        lea     read_error_text,a0
        jmp     loader_fail_number

        .section .rodata
no_transport_text:
        .asciz  "no virtio-mmio transport at 0xff01fe00"
not_modern_text:
        .asciz  "the virtio-mmio transport is not the modern one (version 2); it says version "
no_disk_text:
        .asciz  "no disk: boot a disk image with qj run FILE.img, which attaches it as the first virtio-blk disk"
not_a_disk_text:
        .asciz  "the first virtio device is not a disk (device ID 2); its device ID is "
features_refused_text:
        .asciz  "the disk refused the loader's features (VIRTIO_F_VERSION_1 only)"
queue_too_small_text:
        .asciz  "the disk's request queue is too small; its largest size is "
read_error_text:
        .asciz  "the disk reported an error reading from sector "

        .section .bss,"aw",@nobits
        .balign 4
queue_area:
        .skip   4
        .globl  blk_capacity
blk_capacity:
        .skip   4
| Requests offered so far, modulo 2^16, as the rings count them.
available:
        .skip   2
