| Tracing turned on by an instruction that writes SR rather than by an RTE.
| The 68030 traces the instruction after the ORI (UM 8.1.7); the runner
| sees T1 only where its slice of instructions ends, past that instruction,
| so it ends the run as a crash that says so instead of tracing late.
        .include "tap.inc"

main:
        tap_plan 1
        expect  #1, #1, "about to set T1 with ORI to SR"
        ori.w   #SR_T1,sr
        nop
        nop
        finish
