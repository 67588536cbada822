| Privilege violation (UM 8.1.6): a supervisor-only instruction executed in
| user mode is not executed; vector 8, a format $0 frame whose PC is that
| instruction and whose SR is the user's; the handler runs in supervisor
| mode.
        .include "tap.inc"

| privileged "INSTRUCTION", LENGTH, "NAME": runs the instruction in user
| mode and checks the exception it raises; the recorder steps past it.
        .macro  privileged instruction, length, name
        catch   VEC_PRIVILEGE, \length
        enter_user
.Lat\@:
        \instruction
        enter_supervisor
        expect_frame 0, VEC_PRIVILEGE, #.Lat\@, "\name in user mode", "the instruction itself"
        .endm

main:
        tap_plan 39

| MOVE to SR, with the user's N and C set: the stacked SR is the user SR,
| and the handler runs in supervisor mode on the supervisor stack.
        catch   VEC_PRIVILEGE, 4
        move.l  sp,sp_before
        enter_user
        move.w  #CCR_N+CCR_C,ccr
move_to_sr_at:
        move.w  #0x2700,sr
        move.w  ccr,ccr_after
        enter_supervisor
        expect_frame 0, VEC_PRIVILEGE, #move_to_sr_at, "MOVE to SR in user mode", "the instruction itself"
        expect_word caught_frame, CCR_N+CCR_C, "MOVE to SR in user mode: the user SR is stacked"
        expect_word caught_sr, SR_S+CCR_N+CCR_C, "MOVE to SR in user mode: handler in supervisor mode, no trace"
        move.l  sp_before,d0
        subq.l  #8,d0
        expect  caught_sp, d0, "MOVE to SR in user mode: the frame is on the supervisor stack"
        expect_word ccr_after, CCR_N+CCR_C, "MOVE to SR in user mode: RTE back to user mode, CCR kept"
        expect_word user_sr, 0x0000, "MOVE to SR in user mode: the SR did not change", 0xff00

| The other instructions that change SR or stop the processor.
        privileged "ori.w #0x0700,sr", 4, "ORI to SR"
        privileged "andi.w #0xdfff,sr", 4, "ANDI to SR"
        privileged "eori.w #0x2000,sr", 4, "EORI to SR"
        privileged "stop #0x2000", 4, "STOP"
        privileged "reset", 2, "RESET"

| RTE: in user mode it must not pop anything, least of all from the user
| stack.
        move.l  usp,a0
        move.l  a0,usp_before
        privileged "rte", 2, "RTE"
        move.l  usp,a0
        expect  a0, usp_before, "RTE in user mode: the user stack is untouched"

| The registers only the supervisor may reach: USP and the control registers.
        privileged "move.l a0,usp", 2, "MOVE to USP"
        privileged "move.l usp,a0", 2, "MOVE from USP"
        privileged "movec vbr,d0", 4, "MOVEC from VBR"
        privileged "movec d0,vbr", 4, "MOVEC to VBR"
        finish

        .bss
sp_before:      .space  4
usp_before:     .space  4
ccr_after:      .space  2
