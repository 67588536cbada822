| Line A (UM 8.1.5): an opcode whose top four bits are 1010 is unimplemented;
| vector 10, a format $0 frame whose PC is that instruction, so that an
| emulator in the handler can decode it and step past it.
        .include "tap.inc"

main:
        tap_plan 14

| The first and the last line A opcodes, in supervisor mode, with C set.
        catch   VEC_LINE_A, 2
        move.l  sp,sp_before
        move.w  #0x2700+CCR_C,sr
first_at:
        .short  0xa000
        move.l  sp,sp_after
        expect_frame 0, VEC_LINE_A, #first_at, "opcode 0xa000", "the instruction itself"
        expect_word caught_frame, 0x2700+CCR_C, "opcode 0xa000: the SR at the instruction"
        expect_word caught_sr, 0x2700+CCR_C, "opcode 0xa000: handler in supervisor mode, no trace"
        expect  sp_after, sp_before, "RTE pops the frame"
        catch   VEC_LINE_A, 2
last_at:
        .short  0xafff
        expect_frame 0, VEC_LINE_A, #last_at, "opcode 0xafff", "the instruction itself"

| In user mode: the user SR is stacked and the handler is in supervisor mode.
        catch   VEC_LINE_A, 2
        enter_user
user_at:
        .short  0xa123
        enter_supervisor
        expect_frame 0, VEC_LINE_A, #user_at, "opcode 0xa123 in user mode", "the instruction itself"
        expect_word caught_frame, 0x0000, "opcode 0xa123 in user mode: the user SR is stacked", 0xff00
        expect_word caught_sr, SR_S, "opcode 0xa123 in user mode: handler in supervisor mode", 0xff00
        finish

        .bss
sp_before:      .space  4
sp_after:       .space  4
