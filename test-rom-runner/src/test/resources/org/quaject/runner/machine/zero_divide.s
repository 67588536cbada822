| Zero divide (UM 8.1.3 and table 8-2): a divisor of 0 takes vector 5 with a
| format $2 frame: the PC of the next instruction and the address of the
| divide. C is cleared and X is not affected; N, Z and V are undefined
| (DIVU/DIVS in the M68000 Family Programmer's Reference Manual), so the
| checks mask them out. The destination register keeps its value.
        .include "tap.inc"

        .equ    STACKED_DEFINED, 0xff00+CCR_X+CCR_C

main:
        tap_plan 29

| DIVU.W by a zero register, with X and C set: C is stacked clear, X kept;
| RTE resumes after the divide with the six-word frame popped.
        catch   VEC_ZERO_DIVIDE
        move.l  sp,sp_before
        move.l  #0x12345678,d0
        moveq   #0,d1
        move.w  #0x2700+CCR_X+CCR_C,sr
divu_w_at:
        divu.w  d1,d0
divu_w_next:
        move.l  sp,sp_after
        move.l  d0,dividend_after
        expect_frame 2, VEC_ZERO_DIVIDE, #divu_w_next, "DIVU.W by 0", "the next instruction"
        expect  caught_frame+8, #divu_w_at, "DIVU.W by 0: the divide's address"
        expect_word caught_frame, 0x2700+CCR_X, "DIVU.W by 0: C cleared, X kept", STACKED_DEFINED
        expect_word caught_sr, 0x2700, "DIVU.W by 0: handler in supervisor mode, no trace", 0xff00
        move.l  sp_before,d0
        moveq   #12,d1
        sub.l   d1,d0
        expect  caught_sp, d0, "DIVU.W by 0: the frame is 12 bytes"
        expect  sp_after, sp_before, "RTE pops the six-word frame"
        expect  dividend_after, #0x12345678, "DIVU.W by 0: the destination is unchanged"

| DIVS.W by an immediate 0: a four-byte divide.
        catch   VEC_ZERO_DIVIDE
        move.w  #0x2700+CCR_C,sr
divs_w_at:
        divs.w  #0,d0
divs_w_next:
        expect_frame 2, VEC_ZERO_DIVIDE, #divs_w_next, "DIVS.W #0", "past the immediate"
        expect  caught_frame+8, #divs_w_at, "DIVS.W #0: the divide's address"
        expect_word caught_frame, 0x2700, "DIVS.W #0: C cleared", STACKED_DEFINED

| DIVU.L (32-bit quotient) and DIVS.L (64-bit dividend in D2:D3) with the
| divisor in memory at (d16,An): four- and six-byte divides.
        catch   VEC_ZERO_DIVIDE
        moveq   #0,d1
        move.l  #1000,d0
        move.w  #0x2700+CCR_X+CCR_C,sr
divu_l_at:
        divu.l  d1,d0
divu_l_next:
        expect_frame 2, VEC_ZERO_DIVIDE, #divu_l_next, "DIVU.L by 0", "the next instruction"
        expect  caught_frame+8, #divu_l_at, "DIVU.L by 0: the divide's address"
        expect_word caught_frame, 0x2700+CCR_X, "DIVU.L by 0: C cleared, X kept", STACKED_DEFINED
        catch   VEC_ZERO_DIVIDE
        lea     divisors,a0
        moveq   #1,d2
        moveq   #0,d3
divs_l_at:
        divs.l  4(a0),d2:d3
divs_l_next:
        expect_frame 2, VEC_ZERO_DIVIDE, #divs_l_next, "DIVS.L 4(A0),D2:D3 by 0", "past the displacement"
        expect  caught_frame+8, #divs_l_at, "DIVS.L 4(A0),D2:D3 by 0: the divide's address"
        expect  d2, #1, "DIVS.L by 0: the remainder register is unchanged"

| From user mode: the frame goes on the supervisor stack with the user SR.
        catch   VEC_ZERO_DIVIDE
        moveq   #0,d1
        enter_user
user_at:
        divu.w  d1,d0
user_next:
        enter_supervisor
        expect_frame 2, VEC_ZERO_DIVIDE, #user_next, "DIVU.W by 0 in user mode", "the next instruction"
        expect  caught_frame+8, #user_at, "DIVU.W by 0 in user mode: the divide's address"
        expect_word caught_sr, SR_S, "DIVU.W by 0 in user mode: handler in supervisor mode", 0xff00
        finish

        .data
divisors:
        .long   7, 0

        .bss
sp_before:      .space  4
sp_after:       .space  4
dividend_after: .space  4
