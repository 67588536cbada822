| exit.s: how the image stops.
|
| The image ends by telling virt-ctrl to halt (a normal exit) or to panic. On
| QEMU neither can carry an exit status, so qj_exit first prints it as the last
| line on the console, `# qj-exit: D` (a TAP comment, so a TAP reader ignores
| it), for the host to read. Both routines then wait on STOP forever, in case
| the board does not act on the command at once (or at all).

        .equ    VIRT_CTRL_CMD, 0xff009004
        .equ    CMD_HALT, 2
        .equ    CMD_PANIC, 3
        .equ    SR_SUPERVISOR_NO_IRQ, 0x2700

        .text

        .equ    MAX_STATUS, 255

| qj_exit: print the exit status and halt the board.
| in:  d0.l = the exit status; a process exit status has 8 bits, so anything
|      above 255 (unsigned) is reported as 255 rather than wrapping to success
| out: never returns
        .globl  qj_exit
qj_exit:
        cmp.l   #MAX_STATUS,d0
        bls.s   1f
        move.l  #MAX_STATUS,d0
1:      lea     exit_text,a0
        jsr     qj_puts
        jsr     qj_putdec
        jsr     qj_putnl
        moveq   #CMD_HALT,d0
        bra     stop_board

| qj_panic: stop the board as failed.
| in:  nothing
| out: never returns
        .globl  qj_panic
qj_panic:
        moveq   #CMD_PANIC,d0

| Send the command in d0 to virt-ctrl, then stop for good. QEMU wakes a
| stopped CPU for any pending interrupt, even a masked one, and continues
| after the STOP: hence the loop.
stop_board:
        move.l  d0,VIRT_CTRL_CMD
1:      stop    #SR_SUPERVISOR_NO_IRQ
        bra     1b

        .section .rodata
exit_text:
        .asciz  "# qj-exit: "
