| synth.s: creating quaject instances at run time.
|
| The image carries, for every quaject class, its template (the class's code
| and data with every hole zero), its hole table, and a descriptor the
| compiler writes (Class$$class; `@Class` in the kernel's bodies):
|     +0   .long  the template
|     +4   .long  the hole table: .long size, .long N, then N 12-byte rows
|     +8   .long  the class's inactive blocks, a list through their headers
|     +12  .word  P, the number of parameters
|     +14  .word  S, the number of slots (callouts and callbacks)
|     +16  .long  the table of inline callentries: .word N, then N times
|                 .word offset in the block, .word body length without its rts
|     +20  .long  x S: each slot's default body, as an offset in the block;
|                 -1 for a slot without one
|     then .byte  x P: each parameter's width in bytes
|
| qj_create copies the template into a block and patches every hole from the
| table, the same routine for every class. Each block follows a 12-byte
| header that only this file uses:
|     -12  the class descriptor
|     -8   the reference count
|     -4   the next block of the class's inactive list
| Blocks come from the class's inactive list first, else from the heap: RAM
| from the end of the image to the end of RAM (the boot information there has
| been read by the time the kernel runs). Blocks never go back to the heap.

        .equ    QJ_OK, 0
        .equ    QJ_ENOMEM, 1                    | no RAM left for the block
        .equ    QJ_ERANGE, 2                    | a parameter does not fit its width

        .equ    DESC_TEMPLATE, 0
        .equ    DESC_HOLES, 4
        .equ    DESC_INACTIVE, 8
        .equ    DESC_PARAMS, 12
        .equ    DESC_SLOTS, 14
        .equ    DESC_INLINE, 16
        .equ    DESC_DEFAULTS, 20
        .equ    NO_DEFAULT, -1

        .equ    HDR_CLASS, -12
        .equ    HDR_REFS, -8
        .equ    HDR_NEXT, -4
        .equ    HEADER_SIZE, 12

        | Hole table (docs/language.md, section 6).
        .equ    TABLE_SIZE, 0
        .equ    TABLE_COUNT, 4
        .equ    TABLE_ROWS, 8
        .equ    ROW_OFFSET, 0                   | .word
        .equ    ROW_WIDTH, 2                    | .byte: 1, 2 or 4
        .equ    ROW_FLAGS, 3                    | .byte: bit 0 PC-relative
        .equ    ROW_KIND, 4                     | .byte
        .equ    ROW_ROOM, 5                     | .byte: a call site's inline room, else 0
        .equ    ROW_INDEX, 6                    | .word
        .equ    ROW_VALUE, 8                    | .long
        .equ    ROW_SIZE, 12
        .equ    FLAG_PC_RELATIVE, 0
        .equ    KIND_BLOCK, 1
        .equ    KIND_PARAM, 2
        .equ    KIND_SLOT, 3
        | A row's width, flags, kind and room as one long word: a 32-bit
        | absolute hole for the block's address plus the row's value.
        .equ    BLOCK_ADDRESS_ROW, (4<<24)+(KIND_BLOCK<<8)

        | A call site (a slot declared `inline N`): N bytes starting with an
        | absolute long jsr or jmp, whose operand is the row's hole.
        .equ    HOLE_IN_SITE, 2                 | the hole follows the opcode word
        .equ    OPCODE_JMP_ABSL, 0x4ef9
        .equ    OPCODE_NOP, 0x4e71
        .equ    OPCODE_BRA_S, 0x6000            | | the displacement, 2..126
        .equ    RTS_BYTES, 2

        | CACR bit 3, CI: clear the instruction cache (MC68030 UM 6.4.1).
        .equ    CACR_CLEAR_INSTRUCTIONS, 0x0008

        .text

| qj_create: a new instance of a class.
| in:        a0 = the class descriptor (@Class),
|            a1 = its parameters: one long word each, in declaration order
| out:       d0.l = QJ_OK and a0 = the new block (the instance's @self); or
|            d0.l = QJ_ERANGE or QJ_ENOMEM, a0 = 0, and nothing changed
| preserves: d1-d7, a1-a6; runs in supervisor mode (it writes CACR)
        .globl  qj_create
qj_create:
        movem.l d1-d4/a2-a5,-(sp)
        movea.l a0,a2                   | a2 = the descriptor
        movea.l a1,a3                   | a3 = the parameters
        bsr     check_parameters
        bne     2f
        bsr     take_block
        cmpa.w  #0,a0
        beq     1f
        move.l  a2,HDR_CLASS(a0)
        moveq   #1,d0
        move.l  d0,HDR_REFS(a0)
        clr.l   HDR_NEXT(a0)
        bsr     copy_template
        bsr     patch_holes
        bsr     flush_instructions
        moveq   #QJ_OK,d0
        bra     3f
1:      moveq   #QJ_ENOMEM,d0
2:      suba.l  a0,a0
3:      movem.l (sp)+,d1-d4/a2-a5
        rts

| qj_retain: one more reference to a block from qj_create.
| in:        a0 = the block
| preserves: all registers
        .globl  qj_retain
qj_retain:
        addq.l  #1,HDR_REFS(a0)
        rts

| qj_destroy: drop a reference to a block from qj_create. With the last one
| the block goes on its class's inactive list, for the next qj_create of the
| class to take.
| in:        a0 = the block
| out:       d0.l = the references left; -1 if it had none (it was destroyed
|            already), and then nothing changed
| preserves: all other registers
        .globl  qj_destroy
qj_destroy:
        tst.l   HDR_REFS(a0)
        bne     1f
        moveq   #-1,d0
        rts
1:      subq.l  #1,HDR_REFS(a0)
        move.l  HDR_REFS(a0),d0
        bne     2f
        move.l  a1,-(sp)
        movea.l HDR_CLASS(a0),a1
        move.w  sr,-(sp)
        ori.w   #0x0700,sr              | as in take_block: the list in one step
        move.l  DESC_INACTIVE(a1),HDR_NEXT(a0)
        move.l  a0,DESC_INACTIVE(a1)
        move.w  (sp)+,sr
        movea.l (sp)+,a1
2:      rts

| qj_unlinked_slot: where the callout or callback of a run-time instance
| leads when it has no default body and nothing is linked to it yet. Calling
| it is a bug; the illegal instruction makes it a crash report that names
| this place.
        .globl  qj_unlinked_slot
qj_unlinked_slot:
        illegal

| check_parameters: whether each parameter fits its width, as a signed or an
| unsigned number (as the compiler checks static instances' values).
| in:        a2 = the descriptor, a3 = the parameters
| out:       d0.l = QJ_OK or QJ_ERANGE, with the condition codes of a TST
| clobbers:  d1-d3, a4-a5
check_parameters:
        moveq   #0,d1
        move.w  DESC_SLOTS(a2),d1
        lea     DESC_DEFAULTS(a2,d1.l*4),a4     | a4 = the widths
        movea.l a3,a5
        moveq   #0,d2
        move.w  DESC_PARAMS(a2),d2
        bra     4f
1:      move.l  (a5)+,d3
        move.b  (a4)+,d1
        cmpi.b  #2,d1
        beq     3f
        bhi     4f                      | a long word always fits
        cmpi.l  #-0x80,d3               | a byte: -128..255
        blt     5f
        cmpi.l  #0xff,d3
        bgt     5f
        bra     4f
3:      cmpi.l  #-0x8000,d3             | a word: -32768..65535
        blt     5f
        cmpi.l  #0xffff,d3
        bgt     5f
4:      subq.l  #1,d2
        bpl     1b
        moveq   #QJ_OK,d0
        rts
5:      moveq   #QJ_ERANGE,d0
        rts

| take_block: a block for the class, header included: an inactive one, or a
| new one from the heap.
| in:        a2 = the descriptor
| out:       a0 = the block, or 0 when the heap cannot hold one
| Interrupts are masked for its few instructions: a create or destroy in
| another context (a thread, an interrupt handler) must not cut in between
| reading the class's list or the heap's end and writing it.
| clobbers:  d1-d3, a4
take_block:
        move.w  sr,-(sp)
        ori.w   #0x0700,sr
        bsr     inactive_or_new
        move.w  (sp)+,sr
        rts

| inactive_or_new: take_block's work, with interrupts masked.
inactive_or_new:
        movea.l DESC_INACTIVE(a2),a0
        cmpa.w  #0,a0
        beq     1f
        move.l  HDR_NEXT(a0),DESC_INACTIVE(a2)
        rts
1:      movea.l DESC_HOLES(a2),a4
        move.l  TABLE_SIZE(a4),d1
        addi.l  #HEADER_SIZE+3,d1
        andi.w  #0xfffc,d1              | header and block, in whole long words
        move.l  heap_next,d2
        bne     2f
        move.l  #_end+3,d2              | the heap's first use: it starts past the image
        andi.w  #0xfffc,d2
2:      move.l  d2,d3
        add.l   d1,d3
        bcs     3f
        cmpi.l  #qj_ram_size,d3
        bhi     3f
        move.l  d3,heap_next
        movea.l d2,a0
        lea     HEADER_SIZE(a0),a0
        rts
3:      suba.l  a0,a0
        rts

| copy_template: the class's template into the block: 32 bytes at a time,
| eight long words through registers with a MOVEM each way, then a long
| word at a time, then the last 0 to 3 bytes (a block and a template start
| on 4-byte boundaries). A thread's block is some 2.8 KB: a long word at a
| time, three instructions each, the copy took three times as many.
| in:        a0 = the block, a2 = the descriptor
| clobbers:  d0-d4, a4-a5
copy_template:
        movem.l d5-d7/a1,-(sp)
        movea.l DESC_HOLES(a2),a4
        move.l  TABLE_SIZE(a4),d1
        movea.l DESC_TEMPLATE(a2),a4
        movea.l a0,a5
        move.l  d1,-(sp)                | the size, for what is left after the chunks
        lsr.l   #5,d1                   | 32-byte chunks
        bra     2f
1:      movem.l (a4)+,d0/d2-d7/a1
        movem.l d0/d2-d7/a1,(a5)
        lea     32(a5),a5
2:      subq.l  #1,d1
        bpl     1b
        move.l  (sp)+,d2
        moveq   #0x1c,d1
        and.l   d2,d1
        lsr.w   #2,d1                   | whole long words left
        bra     4f
3:      move.l  (a4)+,(a5)+
4:      dbra    d1,3b
        andi.w  #3,d2                   | the bytes left
        bra     6f
5:      move.b  (a4)+,(a5)+
6:      dbra    d2,5b
        movem.l (sp)+,d5-d7/a1
        rts

| patch_holes: fill every hole of the copy, row by row: the target T is the
| row's value plus, by kind, the block (BLOCK), the parameter (PARAM), or
| where the slot leads (SLOT: its default body, or qj_unlinked_slot); other
| kinds hold their target already. Most holes are a field's or a
| callentry's 32-bit absolute address, the block's plus a constant: those
| take a short way of their own, a third of the general one.
| in:        a0 = the block, a2 = the descriptor, a3 = the parameters
| clobbers:  d1-d4, a4-a5
patch_holes:
        movea.l DESC_HOLES(a2),a4
        move.l  TABLE_COUNT(a4),d1
        lea     TABLE_ROWS(a4),a4
        bra     6f
0:      cmpi.l  #BLOCK_ADDRESS_ROW,ROW_WIDTH(a4)
        bne     1f
        moveq   #0,d4
        move.w  ROW_OFFSET(a4),d4
        move.l  ROW_VALUE(a4),d2
        add.l   a0,d2
        move.l  d2,(a0,d4.l)
        lea     ROW_SIZE(a4),a4
        subq.l  #1,d1
        bpl     0b
        rts
1:      move.l  ROW_VALUE(a4),d2        | d2 = T
        moveq   #0,d3
        move.w  ROW_INDEX(a4),d3
        move.b  ROW_KIND(a4),d4
        cmpi.b  #KIND_BLOCK,d4
        bne     2f
        add.l   a0,d2
        bra     5f
2:      cmpi.b  #KIND_PARAM,d4
        bne     3f
        add.l   (a3,d3.l*4),d2
        bra     5f
3:      cmpi.b  #KIND_SLOT,d4
        bne     5f
        bsr     slot_default
        add.l   d3,d2
5:      bsr     fill_hole
        lea     ROW_SIZE(a4),a4
6:      subq.l  #1,d1
        bpl     0b
        rts

| slot_default: where an unlinked slot leads: its default body in the
| block, or qj_unlinked_slot when it has none.
| in:        a0 = the block, a2 = the descriptor, d3.l = the slot's number
| out:       d3.l = the address
| clobbers:  nothing else
slot_default:
        move.l  DESC_DEFAULTS(a2,d3.l*4),d3
        cmpi.l  #NO_DEFAULT,d3
        beq     1f
        add.l   a0,d3
        rts
1:      move.l  #qj_unlinked_slot,d3
        rts

| fill_hole: write a target into the hole a row describes; a PC-relative
| hole gets the target minus its own address. 1, 2 or 4 bytes, big-endian.
| in:        a0 = the block, a4 = the row, d2.l = the target
| clobbers:  d2, d4, a5
fill_hole:
        moveq   #0,d4
        move.w  ROW_OFFSET(a4),d4
        lea     (a0,d4.l),a5            | a5 = the hole
        btst    #FLAG_PC_RELATIVE,ROW_FLAGS(a4)
        beq     1f
        sub.l   a5,d2
1:      move.b  ROW_WIDTH(a4),d4
        cmpi.b  #2,d4
        beq     2f
        bhi     3f
        move.b  d2,(a5)
        rts
2:      move.w  d2,(a5)
        rts
3:      move.l  d2,(a5)
        rts

| qj_link: point a slot (callout or callback) of an instance made by
| qj_create at a target, e.g. another instance's callentry: every hole of
| the slot in the block gets the target plus the hole's addend, the way
| qj_create filled it with the default; every call site of the slot calls it.
| Linking again relinks.
| in:        a0 = the block, d0.l = the slot's number (@Class.slot),
|            a1 = the target
| out:       d0.l = QJ_OK, or QJ_ERANGE when the class has no such slot
|            (nothing changed)
| preserves: all other registers; supervisor mode (it writes CACR)
        .globl  qj_link
qj_link:
        movem.l d1-d7/a2-a6,-(sp)
        move.l  a1,d3
        moveq   #-1,d5                  | nothing to inline
        bsr     link_slot
        movem.l (sp)+,d1-d7/a2-a6
        rts

| qj_link_entry: link a slot of an instance made by qj_create to a callentry
| of another such instance, inlining it where it can: at each call site of
| the slot (declared `inline N`) where the callentry is an inline one and its
| body fits, the body is copied in place of the call (collapsing a layer);
| everywhere else the slot calls it, as after qj_link. An inlined copy is the
| target's code as it is now: linking the target's own slots later does not
| reach it (link this slot again for that).
| in:        a0 = the block, d0.l = the slot's number (@Class.slot),
|            a1 = the target's block, d1.l = the callentry's offset in it
|            (@Class.entry)
| out:       d0.l = QJ_OK and d1.l = how many call sites got the body; or
|            d0.l = QJ_ERANGE when the class has no such slot (nothing changed)
| preserves: all other registers; supervisor mode
        .globl  qj_link_entry
qj_link_entry:
        movem.l d2-d7/a2-a6,-(sp)
        move.l  a1,d3
        add.l   d1,d3                   | d3 = the callentry
        bsr     find_inline
        bsr     link_slot
        movem.l (sp)+,d2-d7/a2-a6
        rts

| qj_unlink: a slot of an instance made by qj_create back to where it led
| when created: its default body, or qj_unlinked_slot.
| in:        a0 = the block, d0.l = the slot's number (@Class.slot)
| out:       d0.l = QJ_OK, or QJ_ERANGE when the class has no such slot
| preserves: all other registers; supervisor mode
        .globl  qj_unlink
qj_unlink:
        movem.l d1-d7/a2-a6,-(sp)
        movea.l HDR_CLASS(a0),a2
        moveq   #0,d1
        move.w  DESC_SLOTS(a2),d1
        cmp.l   d1,d0                   | link_slot refuses it; slot_default must
        bhs     1f                      | not read past the defaults first
        move.l  d0,d3
        bsr     slot_default
1:      moveq   #-1,d5
        bsr     link_slot
        movem.l (sp)+,d1-d7/a2-a6
        rts

| find_inline: whether a callentry is one of its class's inline ones.
| in:        a1 = its block, d1.l = its offset in the block
| out:       d5.l = its body's length without the rts, or -1
| clobbers:  d2, a3
find_inline:
        movea.l HDR_CLASS(a1),a3
        movea.l DESC_INLINE(a3),a3
        move.w  (a3)+,d2
        moveq   #-1,d5
        bra     2f
1:      cmp.w   (a3)+,d1
        beq     3f
        addq.l  #2,a3
2:      dbra    d2,1b
        rts
3:      moveq   #0,d5
        move.w  (a3),d5
        rts

| link_slot: fill every hole of a slot with a target. Where the hole is a
| call site's, the site gets the inline body when there is one that fits,
| else its call back (an inlined body may be there) and the target.
| in:        a0 = the block, d0.l = the slot's number, d3 = the target,
|            d5.l = the target's inline body length, or -1 for none,
|            a1 = the target's block, when d5 is not -1
| out:       d0.l = QJ_OK and d1.l = the call sites inlined, or QJ_ERANGE
| clobbers:  d2-d7, a2-a6
link_slot:
        movea.l HDR_CLASS(a0),a2
        moveq   #0,d1
        move.w  DESC_SLOTS(a2),d1
        cmp.l   d1,d0
        bhs     5f
        moveq   #0,d6                   | d6 = call sites inlined
        movea.l DESC_HOLES(a2),a4
        move.l  TABLE_COUNT(a4),d7      | d7 = rows left
        lea     TABLE_ROWS(a4),a4
        bra     3f
1:      cmpi.b  #KIND_SLOT,ROW_KIND(a4)
        bne     2f
        cmp.w   ROW_INDEX(a4),d0
        bne     2f
        bsr     inline_at_site
        beq     4f
        addq.l  #1,d6
        bra     2f
4:      bsr     restore_site
        move.l  ROW_VALUE(a4),d2
        add.l   d3,d2
        bsr     fill_hole
2:      lea     ROW_SIZE(a4),a4
3:      subq.l  #1,d7
        bpl     1b
        bsr     flush_instructions
        move.l  d6,d1
        moveq   #QJ_OK,d0
        rts
5:      moveq   #0,d1
        moveq   #QJ_ERANGE,d0
        rts

| restore_site: a call site back to its template's bytes (the call, then the
| skip over the rest of its room), ready for its hole to be filled. A row
| that is not a call site's is left alone.
| in:        a0 = the block, a2 = the descriptor, a4 = the row
| clobbers:  d1-d2, a3, a5
restore_site:
        moveq   #0,d2
        move.b  ROW_ROOM(a4),d2
        beq     1f
        bsr     site_of
        bsr     copy_words
1:      rts

| inline_at_site: the target's inline body copied over the call site a row
| describes, if the row is a call site's and the body fits its room. At a
| jsr site the body's rts is left out and a skip over the rest of the room
| follows; at a jmp site (a tail call) the rts stays and returns for the
| caller.
| in:        a0 = the block, a2 = the descriptor, a4 = the row, a1 = the
|            target's block, d3 = the body, d5.l = its length without the
|            rts, or -1
| out:       d4.l = 1 if the body was copied, else 0; condition codes of it
| clobbers:  d1-d2, a3, a5-a6
inline_at_site:
        moveq   #0,d4
        tst.l   d5
        bmi     9f
        move.b  ROW_ROOM(a4),d4
        beq     9f
        bsr     site_of
        move.l  d5,d2                   | d2 = the bytes to copy
        cmpi.w  #OPCODE_JMP_ABSL,(a3)
        bne     1f
        addq.l  #RTS_BYTES,d2
1:      sub.l   d2,d4                   | d4 = the room the copy leaves
        bmi     9f
        movea.l d3,a3
        bsr     copy_words
        bsr     write_skip
        move.l  a0,d2
        add.l   d1,d2
        sub.l   d3,d2                   | d2 = how far the copy is from the body
        bsr     fix_copied_holes
        moveq   #1,d4
        rts
9:      moveq   #0,d4
        rts

| site_of: where the call site of a row starts: 2 bytes before its hole,
| at the jsr or jmp opcode.
| in:        a0 = the block, a2 = the descriptor, a4 = the row
| out:       d1.l = the site's offset, a3 = the site in the template,
|            a5 = the site in the block
site_of:
        moveq   #0,d1
        move.w  ROW_OFFSET(a4),d1
        subq.l  #HOLE_IN_SITE,d1
        movea.l DESC_TEMPLATE(a2),a3
        adda.l  d1,a3
        lea     (a0,d1.l),a5
        rts

| copy_words: code from a3 to a5, a word at a time (code is word-aligned).
| in:        a3 = from, a5 = to, d2.l = the bytes, even
| out:       a3 and a5 just past them
| clobbers:  d2
copy_words:
        lsr.w   #1,d2
        bra     2f
1:      move.w  (a3)+,(a5)+
2:      dbra    d2,1b
        rts

| write_skip: what follows an inlined body in a call site's room: nothing
| when it fills the room, a nop for one word left, else a short branch over
| the rest.
| in:        a5 = the end of the copy, d4.l = the bytes left
| clobbers:  d4
write_skip:
        tst.l   d4
        beq     2f
        subq.l  #2,d4
        bne     1f
        move.w  #OPCODE_NOP,(a5)
        rts
1:      ori.w   #OPCODE_BRA_S,d4
        move.w  d4,(a5)
2:      rts

| fix_copied_holes: the holes of a copied inline body, made right for where
| the copy is. A PC-relative hole (it reaches outside the body) loses the
| distance the copy moved; an absolute one that points into the body gains
| it; others (fields, parameters, slots, the runtime) stay as they are. The
| compiler made sure these holes are long words.
| in:        a1 = the target's block, d3 = the body, d5.l = its length
|            without the rts, d2.l = the copy's address minus the body's
| clobbers:  d1, d4, a3, a5-a6
fix_copied_holes:
        movea.l HDR_CLASS(a1),a6
        movea.l DESC_HOLES(a6),a3
        move.l  TABLE_COUNT(a3),d1
        lea     TABLE_ROWS(a3),a3
        bra     4f
1:      moveq   #0,d4
        move.w  ROW_OFFSET(a3),d4
        add.l   a1,d4
        sub.l   d3,d4                   | d4 = the hole's offset in the body
        cmp.l   d5,d4
        bhs     3f                      | not in the body (unsigned)
        movea.l d3,a5
        adda.l  d2,a5
        adda.l  d4,a5                   | a5 = the hole in the copy
        btst    #FLAG_PC_RELATIVE,ROW_FLAGS(a3)
        beq     2f
        sub.l   d2,(a5)
        bra     3f
2:      cmpi.b  #KIND_BLOCK,ROW_KIND(a3)
        bne     3f
        move.l  ROW_VALUE(a3),d4
        add.l   a1,d4
        sub.l   d3,d4                   | d4 = where it points, from the body
        cmp.l   d5,d4
        bhi     3f                      | outside the body, its end included
        add.l   d2,(a5)
3:      lea     ROW_SIZE(a3),a3
4:      subq.l  #1,d1
        bpl     1b
        rts

| flush_instructions: the instruction cache may hold bytes of an earlier
| block at these addresses (a recycled one); the new code must be what runs.
| clobbers:  d1
flush_instructions:
        movec   cacr,d1
        ori.w   #CACR_CLEAR_INSTRUCTIONS,d1
        movec   d1,cacr
        rts

        .bss
        .balign 4
| The heap's next free byte; 0 until the first block is taken.
heap_next:
        .space  4
