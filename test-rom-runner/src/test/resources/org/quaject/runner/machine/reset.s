| virt-ctrl CMD 1 (RESET): QEMU reboots the image; the runner does not
| reset, and ends the run as a crash that says so.
        .include "tap.inc"

main:
        tap_plan 1
        expect  VIRT_CTRL_CMD-4, #1, "virt-ctrl FEATURES reads 1 (power control)"
        move.l  #VIRT_CTRL_RESET,VIRT_CTRL_CMD
.Lstay:
        bra.s   .Lstay
