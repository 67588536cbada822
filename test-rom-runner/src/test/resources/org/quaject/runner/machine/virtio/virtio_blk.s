| A virtio-blk driver by polling, as board-virt68030.md describes it, on
| the Java side's disk of 129 sectors (65,636 bytes; sector n holds bytes
| (n * 3 + i) & 0xff, i = 0..511, and the file ends 100 bytes into sector
| 128). Writes reach the file, which the Java side then checks: sectors 1 to
| 3 get patterns, sector 4 zeros, sector 5 a routine, sector 128 a pattern
| (which makes the file 129 whole sectors long). Also: the other request
| types, the used ring's order when one notification makes several
| requests, DMA over code the CPU has run, and the completion interrupt.
        .include "tap.inc"
        .include "virtio.inc"

| fill BUFFER, FIRST, STEP: 512 bytes, byte i = FIRST + STEP * i.
        .macro  fill buffer, first, step
        lea     \buffer,a0
        move.l  #\first,d0
        move.w  #511,d1
.Lfill\@:
        move.b  d0,(a0)+
        add.b   #\step,d0
        dbra    d1,.Lfill\@
        .endm

| request TYPE, SECTOR, BUFFER, LENGTH, WRITABLE: one request; status in d0.
        .macro  request type, sector, buffer, length, writable
        move.l  #\type,d0
        move.l  #\sector,d1
        lea     \buffer,a0
        move.l  #\length,d2
        moveq   #\writable,d3
        bsr     blk_request
        .endm

| sum BUFFER: d0 := the 512 bytes as long words, added up.
        .macro  sum buffer
        lea     \buffer,a0
        moveq   #0,d0
        move.w  #127,d1
.Lsum\@:
        add.l   (a0)+,d0
        dbra    d1,.Lsum\@
        .endm

level5_handler:
        movem.l d0/d7,-(sp)
        vget    VIO_INTERRUPT_STATUS
        move.l  d0,l5_isr
        vset    VIO_INTERRUPT_ACK, d0
        addq.l  #1,l5_count
        move.l  8+2(sp),l5_pc
        movem.l (sp)+,d0/d7
        rte

main:
        tap_plan 56
        lea     VIRTIO_BLK,a5
        move.l  #level5_handler,(VEC_AUTOVECTOR+5)*4
        move.l  #0x80000000,PIC5+PIC_ENABLE
        bsr     vio_init
        expect  d0, #0x0b, "FEATURES_OK reads back"

| Reading what the Java side wrote.
        request BLK_IN, 2, data, 512, 1
        expect  d0, #BLK_OK, "read sector 2: OK"
        expect  used_len, #513, "used len: 512 bytes and the status byte"
        expect  used_id, #0, "used id: the chain's head"
        expect  isr_seen, #1, "InterruptStatus bit 0 was set"
        expect  data, #0x06070809, "sector 2's first bytes"
        expect  data+508, #0x02030405, "and its last"
        expect  PIC5+PIC_PENDING, #0, "InterruptACK lowered the line"

| Writing sectors 1 to 3 and reading them back.
        fill    data, 0x11, 1
        request BLK_OUT, 1, data, 512, 0
        expect  d0, #BLK_OK, "write sector 1: OK"
        expect  used_len, #1, "used len of a write: the status byte"
        fill    data, 0x22, 3
        request BLK_OUT, 2, data, 512, 0
        expect  d0, #BLK_OK, "write sector 2: OK"
        fill    data, 0x33, 5
        request BLK_OUT, 3, data, 512, 0
        expect  d0, #BLK_OK, "write sector 3: OK"
        request BLK_IN, 1, data, 512, 1
        sum     data
        diag    "sector 1 sum", d0
        expect  data, #0x11121314, "sector 1 reads back"
        request BLK_IN, 2, data, 512, 1
        expect  data, #0x2225282b, "sector 2 reads back"
        request BLK_IN, 3, data, 512, 1
        expect  data+508, #0x1f24292e, "sector 3 reads back"

| Two sectors at once into one buffer.
        request BLK_IN, 2, data, 1024, 1
        expect  d0, #BLK_OK, "read sectors 2 and 3: OK"
        expect  used_len, #1025, "used len 1025"
        expect  data+512, #0x33383d42, "sector 3 follows sector 2"

| The last sector is partial in the file: zeros after its 100 bytes.
        request BLK_IN, 128, data, 512, 1
        expect  d0, #BLK_OK, "read sector 128, the partial one: OK"
        expect  data+96, #0xe0e1e2e3, "its last bytes from the file"
        expect  data+100, #0, "then zeros"
        fill    data, 0x80, 1
        request BLK_OUT, 128, data, 512, 0
        expect  d0, #BLK_OK, "write sector 128: OK"

| Requests the disk cannot do.
        request BLK_IN, 129, data, 512, 1
        expect  d0, #BLK_IOERR, "read sector 129, past the end: IOERR"
        expect  used_len, #513, "used len 513 all the same"
        request BLK_IN, 128, data, 1024, 1
        expect  d0, #BLK_IOERR, "two sectors from 128: IOERR"
        request BLK_IN, 129, data, 0, 1
        expect  d0, #BLK_OK, "no data at sector 129: OK"
        request BLK_IN, 130, data, 0, 1
        expect  d0, #BLK_IOERR, "no data at sector 130: IOERR"
        request BLK_IN, 1, data, 100, 1
        expect  d0, #BLK_IOERR, "100 bytes, not a whole sector: IOERR"
        expect  used_len, #101, "used len 101"
        request BLK_OUT, 1, data, 100, 0
        expect  d0, #BLK_IOERR, "writing 100 bytes: IOERR"

| The other types.
        request BLK_FLUSH, 0, data, 0, 1
        expect  d0, #BLK_OK, "FLUSH: OK"
        move.l  #0x11111111,data
        request BLK_GET_ID, 0, data, 20, 1
        expect  d0, #BLK_OK, "GET_ID: OK"
        expect  used_len, #21, "used len 21"
        expect  data, #0x00111111, "the serial number is empty: one NUL"
        request 0x80000000, 1, data, 512, 1
        expect  d0, #BLK_OK, "IN with the old BARRIER bit: a read"
        expect  data, #0x11121314, "of sector 1"
        request 9, 0, data, 20, 1
        expect  d0, #BLK_OK, "type 9 is GET_ID"
        request 2, 0, data, 512, 1
        expect  d0, #BLK_IOERR, "SCSI command without its buffers: IOERR"
        request 6, 0, data, 512, 1
        expect  d0, #BLK_UNSUPP, "type 6: UNSUPP"
        expect  used_len, #513, "used len 513"

| Write zeroes and discard: a 16-byte range after the header.
        lea     range,a0
        move.l  #0x04000000,(a0)+
        clr.l   (a0)+
        move.l  #0x01000000,(a0)+
        clr.l   (a0)+
        request 13, 0, range, 16, 0
        expect  d0, #BLK_OK, "WRITE_ZEROES sector 4: OK"
        request BLK_IN, 4, data, 512, 1
        expect  data+200, #0, "sector 4 reads 0"
        request 11, 0, range, 16, 0
        expect  d0, #BLK_OK, "DISCARD sector 4: OK"
        move.l  #0x01000000,range+12
        request 11, 0, range, 16, 0
        expect  d0, #BLK_UNSUPP, "DISCARD with the unmap flag: UNSUPP"
        move.l  #0x81000000,range
        request 13, 0, range, 16, 0
        expect  d0, #BLK_IOERR, "WRITE_ZEROES past the end: IOERR"

| DMA over code: the routine at `code` has run (so the CPU has translated
| it); a read of sector 5 puts another one there, which must run next.
        lea     routine_a,a0
        lea     code,a1
        move.l  (a0),(a1)
        jsr     code
        expect  d0, #1, "the first routine runs"
        fill    data, 0, 0
        move.l  routine_b,data
        request BLK_OUT, 5, data, 512, 0
        request BLK_IN, 5, code, 512, 1
        expect  d0, #BLK_OK, "read sector 5 over the code"
        jsr     code
        expect  d0, #2, "the routine the disk brought runs"

| One notification, two requests: QEMU answers GET_ID at once and the
| read when its I/O is done, so the used ring has GET_ID's chain first.
        moveq   #BLK_IN,d0
        moveq   #1,d1
        lea     data,a0
        move.l  #512,d2
        moveq   #1,d3
        moveq   #0,d5
        lea     req_block,a1
        bsr     blk_chain
        bsr     offer
        moveq   #BLK_GET_ID,d0
        moveq   #0,d1
        lea     id,a0
        moveq   #20,d2
        moveq   #1,d3
        moveq   #3,d5
        lea     req_block2,a1
        bsr     blk_chain
        bsr     offer
        bsr     kick_and_wait
        expect  used_id, #3, "first on the used ring: GET_ID's chain"
        bsr     wait_used
        expect  used_id, #0, "then the read's"
        expect  used_len, #513, "with its length"

| By interrupt: a request with all levels masked, then STOP lets level 5 in.
        moveq   #BLK_IN,d0
        moveq   #3,d1
        lea     data,a0
        move.l  #512,d2
        moveq   #1,d3
        moveq   #0,d5
        lea     req_block,a1
        bsr     blk_chain
        bsr     offer
        vset    VIO_QUEUE_NOTIFY, #0
        stop    #0x2000
after_stop:
        move.w  #0x2700,sr
        expect  l5_count, #1, "one level 5 interrupt"
        expect  l5_isr, #1, "InterruptStatus 1 in the handler"
        expect  l5_pc, #after_stop, "taken at the STOP"
        moveq   #0,d0
        move.b  req_block+16,d0
        expect  d0, #BLK_OK, "the read is done"
        expect  PIC5+PIC_PENDING, #0, "and the line low"
        finish

routine_a:
        moveq   #1,d0
        rts
routine_b:
        moveq   #2,d0
        rts

        .bss
        .balign 4
req_block2:     .space  18
        .balign 4
range:          .space  16
id:             .space  20
l5_count:       .space  4
l5_isr:         .space  4
l5_pc:          .space  4
        .balign 16
data:           .space  1024
code:           .space  512
