| crc32.s: the CRC-32 that checks the image (IEEE 802.3, the one zlib and
| java.util.zip.CRC32 compute: reflected polynomial 0xedb88320, starting
| from all ones, inverted at the end). Four bits at a time from a table of
| 16 entries: small enough for page 0, fast enough for a kernel's bytes.

        .text

| crc32: the CRC-32 of a run of bytes.
| in:        a0 = the bytes, d0.l = how many
| out:       d0.l = the CRC-32
| clobbers:  d1-d2, a0-a1
        .globl  crc32
crc32:
        move.l  d0,d2
        moveq   #-1,d0
        lea     nibble_table,a1
        bra.s   3f
1:      moveq   #0,d1
        move.b  (a0)+,d1
        eor.l   d1,d0
        .rept   2                               | two nibbles a byte
        moveq   #0x0f,d1
        and.l   d0,d1
        lsr.l   #4,d0
        lsl.w   #2,d1
        move.l  (a1,d1.w),d1
        eor.l   d1,d0
        .endr
3:      subq.l  #1,d2
        bcc.s   1b
        not.l   d0
        rts

        .section .rodata
        .balign 4
| The CRC of each 4-bit value, for the reflected polynomial.
nibble_table:
        .long   0x00000000, 0x1db71064, 0x3b6e20c8, 0x26d930ac
        .long   0x76dc4190, 0x6b6b51f4, 0x4db26158, 0x5005713c
        .long   0xedb88320, 0xf00f9344, 0xd6d6a3e8, 0xcb61b38c
        .long   0x9b64c2b0, 0x86d3d2d4, 0xa00ae278, 0xbdbdf21c
