package org.quaject.runner.machine;

import java.nio.file.Path;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quaject.runner.RunnerEngine;

/**
 * Each kind of exception on the runner, one fixture each: the guest installs
 * its handlers, provokes the exception, and checks what the MC68030 User's
 * Manual says about the vector, the frame (format, vector offset, stacked PC
 * and SR), the handler's SR and where RTE returns. The fixtures' comments say
 * which manual sections they follow.
 */
class ExceptionsTest {

    @TempDir
    Path dir;

    @Test
    void trapTakesVector32PlusNWithTheNextInstructionStacked() throws Exception {
        assertFixturePasses("trap");
    }

    @Test
    void trapvTrapsOnOverflowWithASixWordFrame() throws Exception {
        assertFixturePasses("trapv");
    }

    @Test
    @Disabled("Unicorn 2.0.1 decodes TRAPcc (0x50fa-0x5ffc) as Scc with a PC-relative or immediate operand: it"
            + " writes a byte instead of trapping, and the runner never sees it")
    void trapccTrapsWhenItsConditionHolds() throws Exception {
        assertFixturePasses("trapcc");
    }

    @Test
    void chkTrapsBelowZeroAndAboveTheBound() throws Exception {
        assertFixturePasses("chk");
    }

    @Test
    void chkStacksThePcPastItsExtensionWords() throws Exception {
        assertFixturePasses("chk_extension_words");
    }

    @Test
    void zeroDivideStacksTheDivideAndClearsCarry() throws Exception {
        assertFixturePasses("zero_divide");
    }

    @Test
    void illegalInstructionStacksItsOwnAddress() throws Exception {
        assertFixturePasses("illegal");
    }

    @Test
    void lineAStacksItsOwnAddress() throws Exception {
        assertFixturePasses("line_a");
    }

    @Test
    void lineFStacksItsOwnAddress() throws Exception {
        assertFixturePasses("line_f");
    }

    @Test
    void supervisorInstructionsInUserModeAreAPrivilegeViolation() throws Exception {
        assertFixturePasses("privilege");
    }

    private void assertFixturePasses(String name) throws Exception {
        Fixtures.assertAllPass(Fixtures.run(new RunnerEngine(), Fixtures.link(dir, name), ""));
    }
}
