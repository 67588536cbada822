| RTE by frame format (UM 8.4 and RTE): it reads the format/vector word and
| pops the whole frame: 8 bytes for format $0, 12 for $2; a throwaway frame
| ($1) is popped and the frame under it is used. It restores SR (which may
| switch to the user stack) and PC from the frame. The frames here are
| built by hand, as an operating system builds them to start a task.
        .include "tap.inc"

main:
        tap_plan 12

| Format $0: four words.
        move.l  sp,sp_before
        move.w  #VEC_TRAP*4,-(sp)
        pea     format0_target
        move.w  #0x2700+CCR_X+CCR_N,-(sp)
        rte
        illegal
format0_target:
        move.w  sr,sr_after
        move.l  sp,sp_after
        expect_word sr_after, 0x2700+CCR_X+CCR_N, "format $0: RTE loads the stacked SR"
        expect  sp_after, sp_before, "format $0: RTE pops 8 bytes"

| Format $2: six words, the last two an instruction address RTE skips.
        move.l  #0xdeadbeef,-(sp)
        move.w  #0x2000+VEC_CHK*4,-(sp)
        pea     format2_target
        move.w  #0x2700+CCR_Z,-(sp)
        rte
        illegal
format2_target:
        move.w  sr,sr_after
        move.l  sp,sp_after
        expect_word sr_after, 0x2700+CCR_Z, "format $2: RTE loads the stacked SR"
        expect  sp_after, sp_before, "format $2: RTE pops 12 bytes"

| A throwaway frame ($1) over a format $0 frame: RTE loads the throwaway's
| SR, pops it, and returns through the frame under it.
        move.w  #VEC_TRAP*4,-(sp)
        pea     throwaway_target
        move.w  #0x2700+CCR_C,-(sp)
        move.w  #0x1000+(VEC_AUTOVECTOR+1)*4,-(sp)
        pea     wrong_target
        move.w  #0x2700+CCR_V,-(sp)
        rte
wrong_target:
        illegal
throwaway_target:
        move.w  sr,sr_after
        move.l  sp,sp_after
        expect_word sr_after, 0x2700+CCR_C, "throwaway frame: SR from the frame under it"
        expect  sp_after, sp_before, "throwaway frame: RTE pops both frames"

| RTE into user mode, the way a task starts: A7 becomes the user stack
| pointer, and the supervisor stack pointer is kept for the next exception.
        move.l  usp,a0
        move.l  a0,usp_before
        move.w  #VEC_TRAP*4,-(sp)
        pea     user_target
        move.w  #0x0000+CCR_N,-(sp)
        rte
        illegal
user_target:
        move.w  ccr,ccr_after
        move.l  sp,user_sp
        enter_supervisor
        move.l  sp,sp_after
        expect_word ccr_after, CCR_N, "RTE to user mode: the stacked CCR"
        expect_word user_sr, 0x0000, "RTE to user mode: user mode, mask 0", 0xff00
        expect  user_sp, usp_before, "RTE to user mode: A7 is the user stack pointer"
        expect  sp_after, sp_before, "RTE to user mode: the supervisor stack is as before"

| A format $2 frame returning to user mode: 12 bytes are popped from the
| supervisor stack, none from the user stack.
        move.l  #0x12345678,-(sp)
        move.w  #0x2000+VEC_CHK*4,-(sp)
        pea     user2_target
        move.w  #0x0000,-(sp)
        rte
        illegal
user2_target:
        enter_supervisor
        move.l  sp,sp_after
        expect  sp_after, sp_before, "format $2 to user mode: 12 bytes popped from the supervisor stack"
        move.l  usp,a0
        expect  a0, usp_before, "format $2 to user mode: the user stack is untouched"
        finish

        .bss
sp_before:      .space  4
sp_after:       .space  4
usp_before:     .space  4
user_sp:        .space  4
sr_after:       .space  2
ccr_after:      .space  2
