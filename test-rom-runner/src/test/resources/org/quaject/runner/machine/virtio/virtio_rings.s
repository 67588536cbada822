| Split virtqueues as QEMU 7.2's virtio core runs them, beyond the plain
| three-descriptor request: a header split over descriptors and the status
| byte at the end of the data, an indirect table, interrupt suppression by
| VRING_AVAIL_F_NO_INTERRUPT and by VIRTIO_RING_F_EVENT_IDX, a driver that
| does not negotiate VERSION_1 (everything big-endian then, on this
| board), requests before DRIVER_OK, and buffers outside RAM (QEMU serves
| one of up to 4 KB through its bounce buffer: it reads zeros, and what the
| device writes there is lost). Sector 6 of the disk is written from
| outside RAM, so with zeros; the Java side checks that. RAM is 1 MB.
        .include "tap.inc"
        .include "virtio.inc"

        .equ    RAM_END, 0x100000
        .equ    OUTSIDE, 0x40000000

| submit HEAD: offers the chain at HEAD, notifies and waits.
        .macro  submit head
        moveq   #\head,d0
        bsr     offer
        bsr     kick_and_wait
        .endm

| read_into SECTOR, BUFFER: a plain read of one sector.
        .macro  read_into sector, buffer
        moveq   #BLK_IN,d0
        move.l  #\sector,d1
        lea     \buffer,a0
        move.l  #512,d2
        moveq   #1,d3
        bsr     blk_request
        .endm

| features WORD0, WORD1: resets the transport at a5 and brings it up with
| those driver features and queue 0 as vio_init does; d0 := the status
| read after FEATURES_OK.
        .macro  features word0, word1
        move.l  #\word0,driver_features
        move.l  #\word1,driver_features+4
        bsr     init_with
        .endm

init_with:
        lea     vq_desc,a0
        move.w  #(vq_end-vq_desc)/2-1,d1
.Linit_zero:
        clr.w   (a0)+
        dbra    d1,.Linit_zero
        clr.w   avail_idx
        clr.w   used_seen
        vset    VIO_STATUS, #0
        vset    VIO_STATUS, #VIO_ACKNOWLEDGE+VIO_DRIVER
        vset    VIO_DRIVER_FEATURES_SEL, #1
        vset    VIO_DRIVER_FEATURES, driver_features+4
        vset    VIO_DRIVER_FEATURES_SEL, #0
        vset    VIO_DRIVER_FEATURES, driver_features
        vset    VIO_STATUS, #VIO_ACKNOWLEDGE+VIO_DRIVER+VIO_FEATURES_OK
        vget    VIO_STATUS, d1
        vset    VIO_QUEUE_SEL, #0
        vset    VIO_QUEUE_NUM, #QN
        vset    VIO_QUEUE_DESC_LOW, #vq_desc
        vset    VIO_QUEUE_DRIVER_LOW, #vq_avail
        vset    VIO_QUEUE_DEVICE_LOW, #vq_used
        vset    VIO_QUEUE_READY, #1
        vset    VIO_STATUS, #VIO_ACKNOWLEDGE+VIO_DRIVER+VIO_FEATURES_OK+VIO_DRIVER_OK
        move.l  d1,d0
        rts

main:
        tap_plan 31
        lea     VIRTIO_BLK,a5
        bsr     vio_init

| The header in two descriptors, the status byte after the data in one.
        header  BLK_IN, 1
        desc    0, req_block, 4, VRING_NEXT, 1
        desc    1, req_block+4, 12, VRING_NEXT, 2
        desc    2, data, 513, VRING_WRITE, 0
        move.b  #0xee,data+512
        submit  0
        expect  used_len, #513, "split header: used len 513"
        moveq   #0,d0
        move.b  data+512,d0
        expect  d0, #BLK_OK, "the status is the last byte of the data's buffer"
        expect  data, #0x03040506, "sector 1 read"

| An indirect table of three descriptors.
        header  BLK_IN, 2
        lea     table,a0
        move.l  #req_block,d0
        bsr     table_desc
        move.l  #0x10000000,8(a0)
        move.l  #0x01000100,12(a0)
        lea     16(a0),a0
        move.l  #data,d0
        bsr     table_desc
        move.l  #0x00020000,8(a0)
        move.l  #0x03000200,12(a0)
        lea     16(a0),a0
        move.l  #req_block+16,d0
        bsr     table_desc
        move.l  #0x01000000,8(a0)
        move.l  #0x02000000,12(a0)
        desc    0, table, 48, 4, 0
        submit  0
        moveq   #0,d0
        move.b  req_block+16,d0
        expect  d0, #BLK_OK, "indirect table: OK"
        expect  used_len, #513, "used len 513"
        expect  data, #0x06070809, "sector 2 read"

| VRING_AVAIL_F_NO_INTERRUPT: the used ring moves, InterruptStatus does not.
        move.w  #0x0100,vq_avail
        read_into 3, data
        expect  d0, #BLK_OK, "with NO_INTERRUPT: OK"
        expect  isr_seen, #0, "and no interrupt"
        clr.w   vq_avail

| EVENT_IDX: the first completion after a reset interrupts; later ones only
| when used.idx passes used_event.
        features 0x20000000, 1
        expect  d0, #0x0b, "EVENT_IDX negotiated"
        move.w  #0x0500,vq_avail+4+2*QN
        read_into 3, data
        expect  isr_seen, #1, "EVENT_IDX: the first completion interrupts"
        expect  vq_used+4+8*QN, #0x01000000, "avail_event: 1"
        read_into 3, data
        expect  isr_seen, #0, "used_event 5: the second does not"
        move.w  #0x0200,vq_avail+4+2*QN
        read_into 3, data
        expect  isr_seen, #1, "used_event 2: the third does"
        expect  vq_used+4+8*QN, #0x03000000, "avail_event: 3"
        expect  vq_used, #0x00000300, "used.flags 0, used.idx 3"

| Without VERSION_1: big-endian config, rings and header.
        features 0, 0
        expect  d0, #0x0b, "no VERSION_1: FEATURES_OK all the same"
        expect  VIRTIO_BLK+VIO_CONFIG+4, #129, "big-endian capacity"
        move.l  #BLK_IN,req_block
        clr.l   req_block+4
        clr.l   req_block+8
        move.l  #1,req_block+12
        move.b  #0xee,req_block+16
        lea     vq_desc,a0
        clr.l   (a0)+
        move.l  #req_block,(a0)+
        move.l  #16,(a0)+
        move.l  #0x00010001,(a0)+
        clr.l   (a0)+
        move.l  #data,(a0)+
        move.l  #512,(a0)+
        move.l  #0x00030002,(a0)+
        clr.l   (a0)+
        move.l  #req_block+16,(a0)+
        move.l  #1,(a0)+
        move.l  #0x00020000,(a0)+
        clr.w   vq_avail+4
        move.w  #1,vq_avail+2
        vset    VIO_QUEUE_NOTIFY, #0
        move.l  #POLLS,d2
.Lbig_poll:
        cmp.w   #1,vq_used+2
        beq.s   .Lbig_done
        subq.l  #1,d2
        bne.s   .Lbig_poll
.Lbig_done:
        expect  vq_used, #0x00000001, "big-endian used.idx 1"
        expect  vq_used+8, #513, "big-endian used len 513"
        moveq   #0,d0
        move.b  req_block+16,d0
        expect  d0, #BLK_OK, "the read worked"
        expect  data, #0x03040506, "sector 1"
        vget    VIO_INTERRUPT_STATUS
        vset    VIO_INTERRUPT_ACK, d0

| Before DRIVER_OK the device works all the same.
        bsr     vio_init
        vset    VIO_STATUS, #VIO_ACKNOWLEDGE+VIO_DRIVER+VIO_FEATURES_OK
        read_into 2, data
        expect  d0, #BLK_OK, "a read before DRIVER_OK: OK"
        expect  isr_seen, #1, "and it interrupts"
        vset    VIO_STATUS, #VIO_ACKNOWLEDGE+VIO_DRIVER+VIO_FEATURES_OK+VIO_DRIVER_OK

| Buffers outside RAM, through QEMU's bounce buffer.
        move.l  #0x12345678,data
        header  BLK_IN, 1
        desc    0, req_block, 16, VRING_NEXT, 1
        desc    1, OUTSIDE, 512, VRING_NEXT+VRING_WRITE, 2
        desc    2, req_block+16, 1, VRING_WRITE, 0
        submit  0
        moveq   #0,d0
        move.b  req_block+16,d0
        expect  d0, #BLK_OK, "reading into memory that is not RAM: OK"
        expect  used_len, #513, "used len 513"
        header  BLK_OUT, 6
        desc    1, OUTSIDE, 512, VRING_NEXT, 2
        submit  0
        moveq   #0,d0
        move.b  req_block+16,d0
        expect  d0, #BLK_OK, "writing sector 6 from outside RAM: OK (zeros)"
        header  BLK_IN, 2
        desc    1, RAM_END-256, 512, VRING_NEXT+VRING_WRITE, 2
        submit  0
        moveq   #0,d0
        move.b  req_block+16,d0
        expect  d0, #BLK_OK, "a buffer across the end of RAM: OK"
        expect  RAM_END-256, #0x06070809, "its part in RAM has the data"
        header  BLK_IN, 2
        desc    1, data, 512, VRING_NEXT+VRING_WRITE, 2
        desc    2, OUTSIDE, 1, VRING_WRITE, 0
        submit  0
        expect  used_id, #0, "status byte outside RAM: the request completes"
        moveq   #0,d0
        move.b  req_block+16,d0
        expect  d0, #0xee, "and its status is nowhere to be seen"
        vget    VIO_STATUS
        expect  d0, #0x0f, "the device is fine"
        finish

| table_desc: the indirect descriptor at a0 gets address d0 (little-endian), high word 0.
table_desc:
        le32    d0
        move.l  d0,(a0)
        clr.l   4(a0)
        rts

        .bss
        .balign 16
table:          .space  64
driver_features: .space 8
        .balign 16
data:           .space  1024
