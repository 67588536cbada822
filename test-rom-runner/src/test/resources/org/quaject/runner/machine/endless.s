| An endless loop that counts its rounds in D0: for the instruction and
| wall-clock budgets, which must stop it. No TAP, no devices.
        .globl  _start
        .text
_start:
        moveq   #0,d0
round:
        addq.l  #1,d0
        bra.s   round
