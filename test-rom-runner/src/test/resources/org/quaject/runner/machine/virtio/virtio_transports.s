| The virtio-mmio transports' registers as QEMU 7.2 has them
| (board-virt68030.md, "virtio-mmio"), with the Java side's disk of 129
| sectors (65,636 bytes, the last sector partial) at transport 127 and
| nothing behind the others. The registers are little-endian and not
| swapped for the CPU: the raw reads below are what a move.l sees. Only
| 32-bit register accesses work where a device is; config space takes any
| width and reads like memory. Config fields are big-endian until the
| driver negotiates VIRTIO_F_VERSION_1, little-endian after.
        .include "tap.inc"
        .include "virtio.inc"

        .equ    T126, VIRTIO0+126*VIRTIO_STRIDE

main:
        tap_plan 61
        lea     VIRTIO_BLK,a5

| A transport with nothing behind it: "virt", version 2, "QEMU", device 0.
        expect  VIRTIO0+VIO_MAGIC, #0x76697274, "transport 0: MagicValue reads the bytes 'v' 'i' 'r' 't'"
        expect  VIRTIO0+VIO_VERSION, #0x02000000, "transport 0: Version 2, little-endian"
        expect  VIRTIO0+VIO_DEVICE_ID, #0, "transport 0: DeviceID 0, no device"
        expect  VIRTIO0+VIO_VENDOR_ID, #0x51454d55, "transport 0: VendorID 'QEMU', little-endian"
        expect  T126+VIO_MAGIC, #0x76697274, "transport 126 is there too"
        expect  T126+VIO_DEVICE_ID, #0, "with no device"
        moveq   #0,d0
        move.b  VIRTIO0+VIO_MAGIC,d0
        expect  d0, #0x76, "transport 0: a byte read of MagicValue gives its low byte"
        move.b  VIRTIO0+VIO_MAGIC+1,d0
        expect  d0, #0, "and 0 at the next offset"
        move.w  VIRTIO0+VIO_MAGIC,d0
        expect  d0, #0x7669, "a word read gives its low half, swapped"
        move.w  VIRTIO0+VIO_VERSION,d0
        expect  d0, #0x0200, "so does one of Version"
        move.l  #0x01000000,VIRTIO0+VIO_STATUS
        expect  VIRTIO0+VIO_STATUS, #0, "transport 0: writes are ignored"
        expect  VIRTIO0+VIO_QUEUE_NUM_MAX, #0, "transport 0: QueueNumMax 0"
        expect  VIRTIO0+VIO_CONFIG, #0, "transport 0: config space 0"
        expect  VIRTIO0+0xb0, #0, "transport 0: SHMLenLow 0"

| The disk at transport 127.
        expect  VIRTIO_BLK+VIO_MAGIC, #0x76697274, "transport 127: MagicValue"
        expect  VIRTIO_BLK+VIO_VERSION, #0x02000000, "transport 127: Version 2"
        expect  VIRTIO_BLK+VIO_DEVICE_ID, #0x02000000, "transport 127: DeviceID 2, block"
        expect  VIRTIO_BLK+VIO_VENDOR_ID, #0x51454d55, "transport 127: VendorID"
        moveq   #0,d0
        move.b  VIRTIO_BLK+VIO_MAGIC,d0
        expect  d0, #0, "with a device a byte read of a register gives 0"
        move.w  VIRTIO_BLK+VIO_DEVICE_ID,d0
        expect  d0, #0, "and so does a word read"
        vget    VIO_DEVICE_FEATURES
        expect  d0, #0x30006e54, "DeviceFeatures word 0: QEMU's virtio-blk features"
        vset    VIO_DEVICE_FEATURES_SEL, #1
        vget    VIO_DEVICE_FEATURES
        expect  d0, #0x00000101, "word 1: VERSION_1 and RING_RESET"
        vset    VIO_DEVICE_FEATURES_SEL, #2
        vget    VIO_DEVICE_FEATURES
        expect  d0, #0x00000101, "a selector above 1 selects word 1"
        vget    VIO_DEVICE_FEATURES_SEL
        expect  d0, #0, "DeviceFeaturesSel reads 0"
        vset    VIO_DEVICE_FEATURES_SEL, #0
        vget    VIO_QUEUE_NUM_MAX
        expect  d0, #1024, "QueueNumMax of queue 0: 1024"
        vset    VIO_QUEUE_SEL, #1
        vget    VIO_QUEUE_NUM_MAX
        expect  d0, #0, "queue 1 does not exist"
        vset    VIO_QUEUE_SEL, #5000
        vset    VIO_QUEUE_READY, #1
        vget    VIO_QUEUE_READY
        expect  d0, #1, "QueueSel 5000 is ignored: QueueReady of queue 1 set"
        vset    VIO_QUEUE_SEL, #0
        vget    VIO_QUEUE_READY
        expect  d0, #0, "queue 0 is not ready"
        vget    VIO_INTERRUPT_STATUS
        expect  d0, #0, "InterruptStatus 0"
        vget    VIO_CONFIG_GENERATION
        expect  d0, #0, "ConfigGeneration 0"
        expect  VIRTIO_BLK+0xb0, #0xffffffff, "SHMLenLow all ones: no shared memory"
        expect  VIRTIO_BLK+0xb4, #0xffffffff, "SHMLenHigh too"

| Config space before VERSION_1: big-endian fields.
        expect  VIRTIO_BLK+VIO_CONFIG, #0, "capacity high word first, before VERSION_1"
        expect  VIRTIO_BLK+VIO_CONFIG+4, #129, "129 sectors: the partial last one counts"
        expect  VIRTIO_BLK+VIO_CONFIG+0x0c, #254, "seg_max"
        expect  VIRTIO_BLK+VIO_CONFIG+0x10, #0x0002103f, "geometry: 2 cylinders, 16 heads, 63 sectors"
        expect  VIRTIO_BLK+VIO_CONFIG+0x14, #512, "blk_size"
        expect  VIRTIO_BLK+VIO_CONFIG+0x20, #0x01000001, "wce 1, num_queues 1"
        expect  VIRTIO_BLK+VIO_CONFIG+0x24, #0x003fffff, "max_discard_sectors"
        expect  VIRTIO_BLK+VIO_CONFIG+0x30, #0x003fffff, "max_write_zeroes_sectors"
        moveq   #0,d0
        move.b  VIRTIO_BLK+VIO_CONFIG+0x38,d0
        expect  d0, #1, "write_zeroes_may_unmap, the last byte"
        move.b  VIRTIO_BLK+VIO_CONFIG+0x39,d0
        expect  d0, #0xff, "past it config space reads all ones"
        expect  VIRTIO_BLK+VIO_CONFIG+0x40, #0xffffffff, "at any width"
        move.w  VIRTIO_BLK+VIO_CONFIG+0x06,d0
        expect  d0, #0x0081, "a word of config space reads its bytes in order"

| Status takes the low byte of what is written; 0 resets.
        vset    VIO_STATUS, #VIO_ACKNOWLEDGE
        vget    VIO_STATUS
        expect  d0, #1, "Status ACKNOWLEDGE"
        vset    VIO_STATUS, #0x103
        vget    VIO_STATUS
        expect  d0, #3, "Status keeps the low byte"
        vset    VIO_STATUS, #0
        vget    VIO_STATUS
        expect  d0, #0, "Status 0"

| Brought up with VERSION_1 only: little-endian config, wce 0.
        bsr     vio_init
        expect  d0, #0x0b, "FEATURES_OK reads back"
        vget    VIO_STATUS
        expect  d0, #0x0f, "DRIVER_OK"
        vget    VIO_QUEUE_READY
        expect  d0, #1, "queue 0 ready"
        vget    VIO_QUEUE_NUM
        expect  d0, #0, "QueueNum is write-only"
        expect  VIRTIO_BLK+VIO_CONFIG, #0x81000000, "capacity low word first after VERSION_1"
        expect  VIRTIO_BLK+VIO_CONFIG+4, #0, "and its high word"
        expect  VIRTIO_BLK+VIO_CONFIG+0x20, #0x00000100, "wce 0: FLUSH was not negotiated"
        move.l  #0x01020304,VIRTIO_BLK+VIO_CONFIG
        expect  VIRTIO_BLK+VIO_CONFIG, #0x81000000, "capacity cannot be written"
        move.b  #1,VIRTIO_BLK+VIO_CONFIG+0x20
        expect  VIRTIO_BLK+VIO_CONFIG+0x20, #0x01000100, "wce can"
        move.b  #7,VIRTIO_BLK+VIO_CONFIG+0x21
        expect  VIRTIO_BLK+VIO_CONFIG+0x20, #0x01000100, "the byte after it cannot"
        move.w  #0x0000,VIRTIO_BLK+VIO_CONFIG+0x20
        expect  VIRTIO_BLK+VIO_CONFIG+0x20, #0x00000100, "a word write sets wce too"
        vset    VIO_STATUS, #0
        expect  VIRTIO_BLK+VIO_CONFIG+0x20, #0x01000001, "reset: wce 1 and big-endian fields again"
        vget    VIO_QUEUE_READY
        expect  d0, #0, "and queue 0 not ready"
        vset    VIO_DEVICE_FEATURES_SEL, #1
        vset    VIO_STATUS, #0
        vget    VIO_DEVICE_FEATURES
        expect  d0, #0x00000101, "a reset keeps DeviceFeaturesSel"
        finish
