| Code the CPU core cannot translate (cpu/UntranslatableCode), written by the
| guest's own stores at run time: the runner does not look at those, so the
| core's translator crashes on it, and the core guard (cpu/CoreGuard) turns
| the crash into the end of the run, with a report of where the guest was.
| QEMU's translator crashes on it too (so this fixture is not run on QEMU).
        .include "tap.inc"

        .set    FSCC_BAD, 0xf2434afc    | FScc D3, predicate 0x3c
        .set    RTS, 0x4e75

main:
        tap_plan 1
        lea     routine,a0
        move.l  #FSCC_BAD,(a0)
        move.w  #RTS,4(a0)
        expect  (a0), #FSCC_BAD, "the instruction is in RAM"
        diag    "routine", #routine
        jsr     (a0)
        finish

        .bss
        .balign 4
routine:
        .space  8
