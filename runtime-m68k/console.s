| console.s: character output on the goldfish TTY.
|
| Every message the image prints (TAP lines, crash reports, the exit status)
| goes through these routines, which write one byte at a time to the TTY's
| PUT_CHAR register. They need no set-up and touch no memory of their own, so
| they are safe to call from anywhere, the exception handler included.
|
| Every routine preserves all registers (the condition codes are not kept).

        .equ    TTY_PUT_CHAR, 0xff008000    | prints the low byte written

        .text

| qj_putc: print one character.
| in:        d0.b = the character
| preserves: all registers
        .globl  qj_putc
qj_putc:
        move.l  d0,TTY_PUT_CHAR
        rts

| qj_putnl: end the line.
| in:        nothing
| preserves: all registers
        .globl  qj_putnl
qj_putnl:
        move.l  d0,-(sp)
        moveq   #'\n',d0
        bsr     qj_putc
        move.l  (sp)+,d0
        rts

| qj_puts: print a NUL-terminated string.
| in:        a0 = the string
| preserves: all registers
        .globl  qj_puts
qj_puts:
        movem.l d0/a0,-(sp)
1:      move.b  (a0)+,d0
        beq     2f
        bsr     qj_putc
        bra     1b
2:      movem.l (sp)+,d0/a0
        rts

| qj_puthex: print a long word as `0x` and exactly 8 lowercase hex digits.
| in:        d0.l = the value
| preserves: all registers
        .globl  qj_puthex
qj_puthex:
        move.l  d1,-(sp)
        moveq   #8,d1
        bsr     put_hex_digits
        move.l  (sp)+,d1
        rts

| qj_puthex_word: print a word as `0x` and exactly 4 lowercase hex digits.
| in:        d0.w = the value
| preserves: all registers
        .globl  qj_puthex_word
qj_puthex_word:
        move.l  d1,-(sp)
        swap    d0                      | printing starts at the top nibble
        moveq   #4,d1
        bsr     put_hex_digits
        swap    d0
        move.l  (sp)+,d1
        rts

| put_hex_digits: print `0x` and the top d1 nibbles of d0, most significant
| first.
| in:        d0.l = the value, d1.l = how many digits (1..8)
| preserves: all registers
put_hex_digits:
        movem.l d0-d2,-(sp)
        move.l  d0,d2
        moveq   #'0',d0
        bsr     qj_putc
        moveq   #'x',d0
        bsr     qj_putc
        subq.w  #1,d1                   | dbra counts down to -1
1:      rol.l   #4,d2                   | next nibble into the low bits
        moveq   #0x0f,d0
        and.b   d2,d0
        move.b  hex_digits(pc,d0.w),d0
        bsr     qj_putc
        dbra    d1,1b
        movem.l (sp)+,d0-d2
        rts

hex_digits:
        .ascii  "0123456789abcdef"
        .balign 2

| qj_putdec: print an unsigned long word in decimal, without leading zeros.
| in:        d0.l = the value
| preserves: all registers
        .globl  qj_putdec
qj_putdec:
        movem.l d0-d2,-(sp)
        | Divide by ten until nothing is left, pushing the remainders: they
        | come out least significant first, the stack turns them around.
        moveq   #0,d2                   | digits pushed
1:      divul.l #10,d1:d0               | d0 = d0 / 10, d1 = d0 % 10
        addi.w  #'0',d1
        move.w  d1,-(sp)
        addq.w  #1,d2
        tst.l   d0
        bne     1b
        subq.w  #1,d2                   | dbra counts down to -1
2:      move.w  (sp)+,d0
        bsr     qj_putc
        dbra    d2,2b
        movem.l (sp)+,d0-d2
        rts
