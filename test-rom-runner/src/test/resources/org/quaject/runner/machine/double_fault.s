| A TRAP whose frame cannot be stacked: the supervisor stack pointer is
| past the end of RAM (the tests give the board 1 MB). The 68030 halts on
| such a double fault (UM 8.1.2); the runner ends the run as a crash that
| says so.
        .include "tap.inc"

main:
        tap_plan 1
        expect  #1, #1, "about to TRAP with the stack outside RAM"
        move.l  #0x00200000,sp
        trap    #0
        finish
