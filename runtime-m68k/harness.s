| harness.s: the in-image test harness, reporting in TAP on the console.
|
| The kernel's test blocks are compiled into a table that qj_run_tests walks,
| calling each test in turn. A test ends by jumping to qj_test_pass or
| qj_test_fail from any stack depth, or by crashing into qj_exception, which
| reports the crash and comes back through qj_test_crashed. Each of these
| resets SR and the stack to what the harness had when it called the test, so
| one broken test cannot take the ones after it down. Output (TAP version 12):
|     1..N
|     ok 1 - NAME
|     not ok 2 - NAME # REASON
| With `qj.only=N` on the boot command line the harness runs test N alone
| and reports it as the plan's only test, `1..1` then `ok 1 - NAME`: TAP
| numbers a plan's tests from 1, and the name says which test it was. A
| command line asking for a test the table does not have gets
|     Bail out! no test N: the image has C tests
| and the exit status 1.
| The harness state lives in .bss because test bodies clobber every register.
|
| Test table layout:
|     .long N
|     .long name_1, entry_1       | NUL-terminated name, code to jsr to
|     ...
|     .long name_N, entry_N

        .equ    SR_SUPERVISOR_NO_IRQ, 0x2700

        .text

| qj_run_tests: run every test in a table and report each one.
| in:       a0 = the test table
| out:      d0.l = 0 if every test passed, 1 otherwise
| clobbers: all registers (test bodies may clobber any of them)
        .globl  qj_run_tests
qj_run_tests:
        move.l  (a0)+,test_count
        move.l  a0,next_entry
        clr.l   qj_current_test
        sf      any_failed
        move.l  sp,harness_sp

        | `qj.only=N` on the command line (bootinfo.s): run test N alone.
        move.l  qj_boot_only_test,d0
        beq     3f
        cmp.l   test_count,d0
        bhi     no_such_test            | unsigned: a malformed N (-1) too
        | Start at test N's entry, and make it the only one.
        subq.l  #1,d0
        lsl.l   #3,d0                   | 8 bytes an entry: name, code
        add.l   d0,next_entry
        moveq   #1,d0
        move.l  d0,test_count

        | The TAP plan.
3:      lea     plan_text,a0
        jsr     qj_puts
        move.l  test_count,d0
        jsr     qj_putdec
        jsr     qj_putnl

        | Run the next test, if there is one. Every test comes back here
        | with the stack as it is now.
next_test:
        move.l  qj_current_test,d0
        cmp.l   test_count,d0
        bhs     1f
        addq.l  #1,d0
        move.l  d0,qj_current_test
        movea.l next_entry,a0
        move.l  (a0)+,qj_current_test_name
        movea.l (a0)+,a1
        move.l  a0,next_entry
        jsr     (a1)
        | The test returned instead of ending with pass or fail: count it
        | as a failure, since it never said it passed.
        lea     returned_text,a0
        bra     qj_test_fail

        | All done: later exceptions are no longer a test's.
1:      clr.l   qj_current_test
        moveq   #0,d0
        tst.b   any_failed
        beq     2f
        moveq   #1,d0
2:      rts

| no_such_test: the command line asked for test d0.l, which the table does
| not have. Nothing runs; TAP's Bail out! stops whatever reads it.
no_such_test:
        move.l  d0,-(sp)
        lea     bail_out_text,a0
        jsr     qj_puts
        move.l  (sp)+,d0
        jsr     qj_putdec
        lea     image_has_text,a0
        jsr     qj_puts
        move.l  test_count,d0
        jsr     qj_putdec
        lea     tests_text,a0
        jsr     qj_puts
        jsr     qj_putnl
        moveq   #1,d0
        rts

| qj_test_pass: the running test passed; prints `ok N - NAME`.
| in:  nothing (jump here, from any stack depth)
| out: continues with the next test
        .globl  qj_test_pass
qj_test_pass:
        move.w  #SR_SUPERVISOR_NO_IRQ,sr
        movea.l harness_sp,sp
        bsr     put_ok_n_name
        jsr     qj_putnl
        bra     next_test

| qj_test_fail: the running test failed; prints `not ok N - NAME # REASON`.
| in:  a0 = the reason, NUL-terminated (jump here, from any stack depth)
| out: continues with the next test
        .globl  qj_test_fail
qj_test_fail:
        move.w  #SR_SUPERVISOR_NO_IRQ,sr
        movea.l harness_sp,sp
        bsr     qj_test_put_not_ok
        jsr     qj_puts
        jsr     qj_putnl
        bra     stop_threads

| qj_test_crashed: the running test took an exception. The exception handler
| has already printed its `not ok` line and report; this only counts the
| failure and moves on.
| in:  nothing (jump here, from any stack depth, with the S bit set)
| out: continues with the next test
        .globl  qj_test_crashed
qj_test_crashed:
        move.w  #SR_SUPERVISOR_NO_IRQ,sr
        movea.l harness_sp,sp
stop_threads:
        jsr     qj_threads_stop         | threads a failed test left running stop with it
        st      any_failed
        bra     next_test

| qj_test_put_not_ok: start the failure line of the running test; the caller
| prints the reason and ends the line.
| in:        nothing (uses qj_current_test and qj_current_test_name)
| out:       `not ok N - NAME # ` on the console
| preserves: all registers
        .globl  qj_test_put_not_ok
qj_test_put_not_ok:
        move.l  a0,-(sp)
        lea     not_text,a0
        jsr     qj_puts
        bsr     put_ok_n_name
        lea     reason_text,a0
        jsr     qj_puts
        movea.l (sp)+,a0
        rts

| put_ok_n_name: print `ok N - NAME` for the running test.
| in:        nothing (uses qj_current_test and qj_current_test_name)
| preserves: all registers
put_ok_n_name:
        movem.l d0/a0,-(sp)
        lea     ok_text,a0
        jsr     qj_puts
        move.l  qj_current_test,d0
        jsr     qj_putdec
        lea     dash_text,a0
        jsr     qj_puts
        movea.l qj_current_test_name,a0
        jsr     qj_puts
        movem.l (sp)+,d0/a0
        rts

        .section .rodata
plan_text:      .asciz  "1.."
not_text:       .asciz  "not "
ok_text:        .asciz  "ok "
dash_text:      .asciz  " - "
reason_text:    .asciz  " # "
bail_out_text:  .asciz  "Bail out! no test "
image_has_text: .asciz  ": the image has "
tests_text:     .asciz  " tests"
returned_text:
        .asciz  "returned without jumping to qj_test_pass or qj_test_fail"

        .section .bss,"aw",@nobits
        .balign 4
| The running test's number (1..N), or 0 while no test is running.
        .globl  qj_current_test
qj_current_test:        .skip   4
| The running test's name (valid while qj_current_test != 0).
        .globl  qj_current_test_name
qj_current_test_name:   .skip   4
| The stack pointer of qj_run_tests, restored when a test ends.
harness_sp:             .skip   4
| How many tests the table holds, and where the next one's entry is.
test_count:             .skip   4
next_entry:             .skip   4
| Nonzero once any test has failed.
any_failed:             .skip   1
