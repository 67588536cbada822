| STOP with no interrupt that could ever wake the CPU: no PIC line enabled
| and no alarm armed. QEMU would wait until it is killed; the runner ends
| the run as HUNG, naming the SR the STOP loaded.
        .include "tap.inc"

main:
        tap_plan 1
        expect  PIC6+PIC_STATUS, #0, "nothing is pending"
        stop    #0x2000
        finish
