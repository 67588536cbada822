| virt-ctrl (board-virt68030.md): FEATURES reads 1, and CMD 3 (PANIC) ends
| the run as a guest panic on both engines.
        .include "tap.inc"

main:
        tap_plan 1
        expect  VIRT_CTRL_CMD-4, #1, "virt-ctrl FEATURES reads 1 (power control)"
        move.l  #VIRT_CTRL_PANIC,VIRT_CTRL_CMD
.Lstay:
        bra.s   .Lstay
