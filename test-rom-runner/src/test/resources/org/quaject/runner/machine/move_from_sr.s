| MOVE from SR is privileged on the 68010 and later (UM, MOVE from SR): in
| user mode it is a privilege violation, vector 8, format $0 frame with its
| own address; user code reads its condition codes with MOVE from CCR
| instead. QEMU 7.2 traps it; the runner's CPU core (Unicorn 2.0.1, as the
| 68000 would) executes it.
        .include "tap.inc"

main:
        tap_plan 4
        catch   VEC_PRIVILEGE, 2
        enter_user
        move.w  #CCR_Z,ccr
move_from_sr_at:
        move.w  sr,d0
        move.w  ccr,d1
        enter_supervisor
        expect_frame 0, VEC_PRIVILEGE, #move_from_sr_at, "MOVE from SR in user mode", "the instruction itself"
        expect_word d1, CCR_Z, "MOVE from CCR is allowed in user mode"
        finish
