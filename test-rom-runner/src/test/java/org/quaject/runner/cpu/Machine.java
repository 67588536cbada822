package org.quaject.runner.cpu;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A CPU with 1 MB of RAM at 0 and one assembled program loaded, started at
 * {@code _start} in supervisor mode with the stack at the top of RAM. Guest
 * exceptions are recorded as (vector, PC) pairs; by default the handler
 * enters supervisor mode and resumes at the label {@code resume} if the
 * program has one, else requests a stop.
 */
final class Machine implements AutoCloseable {
    static final long RAM_SIZE = 0x100000;

    final UnicornCpu cpu;
    final NativeRam ram;
    final GuestProgram program;
    final List<int[]> exceptions = new ArrayList<>();

    private Machine(GuestProgram program) {
        this.program = program;
        this.cpu = UnicornCpu.open();
        this.ram = cpu.mapRam(0, RAM_SIZE);
        program.loadInto(ram);
        cpu.setExceptionHandler(this::record);
        restart();
    }

    static Machine boot(Path dir, String source) throws IOException, InterruptedException {
        return load(GuestProgram.assemble(dir, source));
    }

    static Machine load(GuestProgram program) {
        return new Machine(program);
    }

    /** Back to the entry point: PC at {@code _start}, SR = 0x2700, A7 at the top of RAM, D and A registers 0. */
    void restart() {
        cpu.set(Register.SR, 0x2700);
        for (int n = 0; n < 8; n++) {
            cpu.set(Register.d(n), 0);
            cpu.set(Register.a(n), 0);
        }
        cpu.set(Register.A7, (int) RAM_SIZE);
        cpu.set(Register.PC, (int) program.entry());
    }

    int symbol(String name) {
        return program.symbol(name);
    }

    private void record(int intno) {
        exceptions.add(new int[] {intno, cpu.get(Register.PC)});
        if (program.has("resume")) {
            cpu.set(Register.SR, 0x2700);
            cpu.set(Register.PC, symbol("resume"));
        } else {
            cpu.requestStop();
        }
    }

    @Override
    public void close() {
        cpu.close();
    }
}
