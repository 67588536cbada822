| Malformed requests, as QEMU 7.2's virtio core and virtio-blk treat them:
| each is a virtio_error, after which the device is broken: Status has
| DEVICE_NEEDS_RESET (0x40), InterruptStatus 3 (a config change), and
| ConfigGeneration counts one more; the request never reaches the used
| ring, and later notifications are ignored. Acknowledging the interrupt
| clears InterruptStatus but leaves the line high; only a reset (Status 0)
| brings the device back. RAM is 1 MB.
        .include "tap.inc"
        .include "virtio.inc"

        .equ    RAM_END, 0x100000
        .equ    OUTSIDE, 0x40000000

| kick HEAD: offers the chain at HEAD and notifies; no waiting, since a
| virtio_error happens at the notification, on QEMU too.
        .macro  kick head
        moveq   #\head,d0
        bsr     offer
        vset    VIO_QUEUE_NOTIFY, #0
        .endm

| broken WHAT, GENERATION: the device is broken as it should be.
        .macro  broken what, generation
        vget    VIO_STATUS
        expect  d0, #0x4f, "\what: DEVICE_NEEDS_RESET"
        vget    VIO_INTERRUPT_STATUS
        expect  d0, #3, "\what: InterruptStatus 3"
        vget    VIO_CONFIG_GENERATION
        expect  d0, #\generation, "\what: ConfigGeneration \generation"
        moveq   #0,d0
        move.w  vq_used+2,d0
        expect  d0, #0, "\what: nothing on the used ring"
        .endm

| The well-formed request, in descriptors 0 to 2.
good_chain:
        header  BLK_IN, 1
        desc    0, req_block, 16, VRING_NEXT, 1
        desc    1, data, 512, VRING_NEXT+VRING_WRITE, 2
        desc    2, req_block+16, 1, VRING_WRITE, 0
        rts

main:
        tap_plan 49
        lea     VIRTIO_BLK,a5
        move.l  #0x80000000,PIC5+PIC_ENABLE

| A header of 8 bytes.
        bsr     vio_init
        bsr     good_chain
        desc    0, req_block, 8, VRING_NEXT, 1
        kick    0
        broken  "short header", 1
        moveq   #0,d0
        move.b  req_block+16,d0
        expect  d0, #0xee, "short header: no status"
        expect  PIC5+PIC_PENDING, #0x80000000, "short header: the line is high"

| Broken, the device ignores a good request.
        bsr     good_chain
        kick    1
        moveq   #0,d0
        move.w  vq_used+2,d0
        expect  d0, #0, "broken: a good request is ignored"
        vset    VIO_INTERRUPT_ACK, #3
        vget    VIO_INTERRUPT_STATUS
        expect  d0, #0, "InterruptACK clears InterruptStatus"
        expect  PIC5+PIC_PENDING, #0x80000000, "but the line stays high"
        vset    VIO_STATUS, #0x4f
        vget    VIO_STATUS
        expect  d0, #0x4f, "Status written with DEVICE_NEEDS_RESET"
        vset    VIO_STATUS, #0
        expect  PIC5+PIC_PENDING, #0, "a reset lowers the line"
        bsr     vio_init
        bsr     good_chain
        moveq   #0,d0
        bsr     offer
        bsr     kick_and_wait
        moveq   #0,d0
        move.b  req_block+16,d0
        expect  d0, #BLK_OK, "after a reset the device works again"
        vget    VIO_CONFIG_GENERATION
        expect  d0, #1, "ConfigGeneration survives the reset"

| Descriptors that loop.
        bsr     vio_init
        bsr     good_chain
        desc    1, data, 512, VRING_NEXT, 0
        kick    0
        broken  "loop", 2

| A next index past the queue.
        bsr     vio_init
        bsr     good_chain
        desc    0, req_block, 16, VRING_NEXT, QN+1
        kick    0
        broken  "next past the queue", 3

| A head index past the queue.
        bsr     vio_init
        kick    QN
        broken  "head past the queue", 4

| No device-writable buffer.
        bsr     vio_init
        bsr     good_chain
        desc    0, req_block, 16, 0, 0
        kick    0
        broken  "no status buffer", 5

| A device-readable buffer after a writable one.
        bsr     vio_init
        bsr     good_chain
        desc    1, req_block+16, 1, VRING_NEXT+VRING_WRITE, 2
        desc    2, data, 512, 0, 0
        kick    0
        broken  "readable after writable", 6

| A buffer of length 0.
        bsr     vio_init
        bsr     good_chain
        desc    1, data, 0, VRING_NEXT+VRING_WRITE, 2
        kick    0
        broken  "zero length", 7

| 8 KB outside RAM: more than the bounce buffer.
        bsr     vio_init
        bsr     good_chain
        desc    1, OUTSIDE, 8192, VRING_NEXT+VRING_WRITE, 2
        kick    0
        broken  "8 KB outside RAM", 8

| A write-zeroes range of 8 bytes.
        bsr     vio_init
        bsr     good_chain
        header  13, 0
        desc    1, data, 8, VRING_NEXT, 2
        kick    0
        broken  "short write-zeroes range", 9

| A descriptor table across the end of RAM: broken at QueueReady, before
| DRIVER_OK, so without an interrupt, and DRIVER_OK overwrites the status.
        vset    VIO_STATUS, #0
        vset    VIO_STATUS, #VIO_ACKNOWLEDGE+VIO_DRIVER
        vset    VIO_DRIVER_FEATURES_SEL, #1
        vset    VIO_DRIVER_FEATURES, #1
        vset    VIO_STATUS, #VIO_ACKNOWLEDGE+VIO_DRIVER+VIO_FEATURES_OK
        vset    VIO_QUEUE_DESC_LOW, #RAM_END-64
        vset    VIO_QUEUE_READY, #1
        vget    VIO_STATUS
        expect  d0, #0x4b, "descriptor table across the end of RAM: DEVICE_NEEDS_RESET"
        vget    VIO_INTERRUPT_STATUS
        expect  d0, #0, "no interrupt before DRIVER_OK"
        vset    VIO_STATUS, #VIO_ACKNOWLEDGE+VIO_DRIVER+VIO_FEATURES_OK+VIO_DRIVER_OK
        vget    VIO_STATUS
        expect  d0, #0x0f, "the driver's Status write hides it"
        vset    VIO_QUEUE_DESC_LOW, #vq_desc
        vset    VIO_QUEUE_READY, #1
        bsr     good_chain
        kick    0
        moveq   #0,d0
        move.w  vq_used+2,d0
        expect  d0, #0, "but the device stays broken"
        vset    VIO_STATUS, #0
        finish

        .bss
        .balign 16
data:           .space  1024
