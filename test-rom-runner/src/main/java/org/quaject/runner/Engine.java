package org.quaject.runner;

/** Something that boots an image on the virt68030 board and watches its console until it ends. */
public interface Engine {
    RunResult run(RunRequest request) throws EngineException;
}
