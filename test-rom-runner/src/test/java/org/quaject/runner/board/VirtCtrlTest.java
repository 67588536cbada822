package org.quaject.runner.board;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.quaject.runner.board.VirtCtrl.Command;

/** virt-ctrl, register by register (board-virt68030.md, virt-ctrl). */
class VirtCtrlTest {
    private static final int FEATURES = 0x00;
    private static final int CMD = 0x04;

    private final VirtCtrl ctrl = new VirtCtrl("virt-ctrl", 0xff00_9000L);

    @Test
    void featuresSayPowerControl() {
        assertEquals(1, ctrl.read(FEATURES, 4));
        assertEquals(0x100, ctrl.size());
    }

    @Test
    void commandsAreRecorded() {
        assertEquals(Optional.empty(), ctrl.lastCommand());
        ctrl.write(CMD, 4, 2);
        assertEquals(Optional.of(Command.HALT), ctrl.lastCommand());
        ctrl.write(CMD, 4, 3);
        assertEquals(Optional.of(Command.PANIC), ctrl.lastCommand(), "a later command replaces an earlier one");
        ctrl.write(CMD, 4, 1);
        assertEquals(Optional.of(Command.RESET), ctrl.lastCommand());
    }

    @Test
    void noopAndUnknownCommandsChangeNothing() {
        ctrl.write(CMD, 4, 0);
        assertEquals(Optional.empty(), ctrl.lastCommand());
        ctrl.write(CMD, 4, 2);
        for (int value : new int[] {0, 4, 0x102, -1}) {
            ctrl.write(CMD, 4, value);
        }
        assertEquals(Optional.of(Command.HALT), ctrl.lastCommand());
    }

    @Test
    void otherOffsetsReadZeroAndIgnoreWrites() {
        ctrl.write(FEATURES, 4, 2);
        ctrl.write(0x08, 4, 2);
        ctrl.write(0xfc, 4, 2);
        assertEquals(Optional.empty(), ctrl.lastCommand());
        assertEquals(0, ctrl.read(CMD, 4), "CMD is write-only");
        assertEquals(0, ctrl.read(0xfc, 4));
    }
}
