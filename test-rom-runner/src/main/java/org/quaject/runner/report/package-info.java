/**
 * Explaining where a guest went wrong: the register report of a crash, and for
 * any address in an image its symbol and offset, the instruction there
 * disassembled, and the {@code .qj} line it came from (from the DWARF line
 * table the compiler leaves in every image). Used for crashes the runner
 * detects itself and for the reports the guest's own exception handler prints.
 */
package org.quaject.runner.report;
