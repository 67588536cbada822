| TRAPcc (UM 8.1.3 and table 8-2): TRAPV's vector 7 and format $2 frame
| when the condition holds, with the PC past the optional word or long
| operand and the address of the TRAPcc itself; nothing when it does not.
        .include "tap.inc"

main:
        tap_plan 15

| TRAPcc in its three sizes: no operand, a word and a long word that the
| handler may read; the stacked PC is past the operand.
        catch   VEC_TRAPV
        move.w  #0x2700+CCR_Z,sr
trapeq_at:
        trapeq
trapeq_next:
        expect_frame 2, VEC_TRAPV, #trapeq_next, "TRAPEQ with Z set", "the next instruction"
        expect  caught_frame+8, #trapeq_at, "TRAPEQ with Z set: its address"
        catch   VEC_TRAPV
        move.w  #0x2700,sr
trapne_at:
        trapne.w #0x1234
trapne_next:
        expect_frame 2, VEC_TRAPV, #trapne_next, "TRAPNE.W with Z clear", "past the word operand"
        expect  caught_frame+8, #trapne_at, "TRAPNE.W with Z clear: its address"
        catch   VEC_TRAPV
        move.w  #0x2700+CCR_C,sr
trapcs_at:
        trapcs.l #0x12345678
trapcs_next:
        expect_frame 2, VEC_TRAPV, #trapcs_next, "TRAPCS.L with C set", "past the long operand"
        expect  caught_frame+8, #trapcs_at, "TRAPCS.L with C set: its address"

| Conditions that do not hold, and TRAPF, never trap, whatever the size.
        catch   VEC_TRAPV
        move.w  #0x2700+CCR_Z,sr
        trapne
        trapne.w #0x1234
        trapf
        trapf.l #0x12345678
        move.w  #0x2700,sr
        trapeq.l #0x12345678
        expect  caught_count, #0, "TRAPcc whose condition does not hold does not trap"

| TRAPT always traps; the signed conditions read N and V.
        catch   VEC_TRAPV
        trapt
        expect  caught_count, #1, "TRAPT traps"
        catch   VEC_TRAPV
        move.w  #0x2700+CCR_N,sr
        traplt
        trapge
        move.w  #0x2700+CCR_N+CCR_V,sr
        traplt
        trapge
        expect  caught_count, #2, "TRAPLT and TRAPGE follow N xor V"
        finish
