package org.quaject.runner.machine;

import org.quaject.runner.cpu.Cpu;
import org.quaject.runner.cpu.Register;

/** The exception model's view of a {@link Cpu}. */
final class CpuState implements ProcessorState {

    private final Cpu cpu;

    CpuState(Cpu cpu) {
        this.cpu = cpu;
    }

    @Override
    public int sr() {
        return cpu.get(Register.SR);
    }

    @Override
    public void setSr(int sr) {
        cpu.set(Register.SR, sr);
    }

    @Override
    public int pc() {
        return cpu.get(Register.PC);
    }

    @Override
    public void setPc(int pc) {
        cpu.set(Register.PC, pc);
    }

    @Override
    public int stackPointer() {
        return cpu.get(Register.A7);
    }

    @Override
    public void setStackPointer(int value) {
        cpu.set(Register.A7, value);
    }

    @Override
    public int vbr() {
        return cpu.get(Register.VBR);
    }
}
