| The two stack pointers (UM 1.3 and 8.1): A7 is the user stack pointer
| (USP) in user mode and the interrupt stack pointer (ISP) in supervisor
| mode. Exception processing switches to the ISP and stacks there; RTE to
| user mode switches back. MOVE USP reaches the user's from supervisor mode.
        .include "tap.inc"

| A TRAP #2 handler that reports A7 and USP as it sees them, and gives the
| user a new stack pointer when `new_usp` is not 0.
trap2_handler:
        move.l  sp,handler_sp
        move.l  a0,-(sp)
        move.l  usp,a0
        move.l  a0,handler_usp
        move.l  new_usp,d0
        beq.s   .Lkeep
        movea.l d0,a0
        move.l  a0,usp
.Lkeep:
        movea.l (sp)+,a0
        rte

main:
        tap_plan 11
        move.l  #trap2_handler,(VEC_TRAP+2)*4

| MOVE to and from USP in supervisor mode leave A7 alone.
        move.l  sp,ssp_before
        lea     0x2468,a1
        move.l  a1,usp
        move.l  usp,a2
        expect  a2, #0x2468, "MOVE A1,USP then MOVE USP,A2 round-trips"
        move.l  sp,d7
        expect  d7, ssp_before, "MOVE USP does not touch the supervisor A7"

| Into user mode by MOVE to SR: A7 is now the USP just set.
        lea     user_stack_top,a1
        move.l  a1,usp
        enter_user
        move.l  sp,user_a7
        enter_supervisor
        expect  user_a7, #user_stack_top, "in user mode A7 is the USP"
        move.l  sp,d7
        expect  d7, ssp_before, "back in supervisor mode A7 is the ISP again"

| A TRAP from user mode: the frame goes on the ISP, the handler sees the
| user's A7 through MOVE USP, and RTE brings the user back to it.
        clr.l   new_usp
        enter_user
        lea     -16(sp),sp
        move.l  sp,user_a7
        trap    #2
        move.l  sp,user_a7_after
        lea     16(sp),sp
        enter_supervisor
        move.l  ssp_before,d0
        subq.l  #8,d0
        expect  handler_sp, d0, "the handler's A7 is the ISP less one frame"
        expect  handler_usp, user_a7, "the handler reads the user's A7 with MOVE USP"
        expect  user_a7_after, user_a7, "RTE to user mode restores the user's A7"
        move.l  sp,d7
        expect  d7, ssp_before, "the ISP is back where it was"

| The handler moves the user's stack; after RTE the user's A7 is the new one.
        move.l  #user_stack_top-256,new_usp
        enter_user
        trap    #2
        move.l  sp,user_a7_after
        enter_supervisor
        expect  user_a7_after, #user_stack_top-256, "a USP written in the handler is the user's A7 after RTE"

| A user that moves its own A7 does not move the ISP.
        lea     user_stack_top,a1
        move.l  a1,usp
        enter_user
        lea     -100(sp),sp
        enter_supervisor
        move.l  usp,a2
        expect  a2, #user_stack_top-100, "user-mode A7 changes are kept in the USP"
        move.l  sp,d7
        expect  d7, ssp_before, "and leave the ISP alone"
        finish

        .bss
ssp_before:     .space  4
user_a7:        .space  4
user_a7_after:  .space  4
handler_sp:     .space  4
handler_usp:    .space  4
new_usp:        .space  4
