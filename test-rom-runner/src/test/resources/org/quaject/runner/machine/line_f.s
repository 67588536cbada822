| Line F (UM 8.1.5): an opcode whose top four bits are 1111 and that no
| coprocessor takes is unimplemented; vector 11, a format $0 frame whose PC
| is that instruction. The board's 68030 has no FPU, and coprocessor ID 0 is
| its MMU, so the opcodes here use ID 7, which nothing answers.
        .include "tap.inc"

main:
        tap_plan 14

| Coprocessor 7, general instruction form, in supervisor mode, with Z set.
        catch   VEC_LINE_F, 2
        move.l  sp,sp_before
        move.w  #0x2700+CCR_Z,sr
first_at:
        .short  0xfe00
        move.l  sp,sp_after
        expect_frame 0, VEC_LINE_F, #first_at, "opcode 0xfe00", "the instruction itself"
        expect_word caught_frame, 0x2700+CCR_Z, "opcode 0xfe00: the SR at the instruction"
        expect_word caught_sr, 0x2700+CCR_Z, "opcode 0xfe00: handler in supervisor mode, no trace"
        expect  sp_after, sp_before, "RTE pops the frame"
        catch   VEC_LINE_F, 2
last_at:
        .short  0xffff
        expect_frame 0, VEC_LINE_F, #last_at, "opcode 0xffff", "the instruction itself"

| In user mode: the user SR is stacked and the handler is in supervisor mode.
        catch   VEC_LINE_F, 2
        enter_user
user_at:
        .short  0xfe40
        enter_supervisor
        expect_frame 0, VEC_LINE_F, #user_at, "opcode 0xfe40 in user mode", "the instruction itself"
        expect_word caught_frame, 0x0000, "opcode 0xfe40 in user mode: the user SR is stacked", 0xff00
        expect_word caught_sr, SR_S, "opcode 0xfe40 in user mode: handler in supervisor mode", 0xff00
        finish

        .bss
sp_before:      .space  4
sp_after:       .space  4
