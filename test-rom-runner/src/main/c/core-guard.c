/*
 * core-guard: calls into the runner's CPU core (Unicorn) so that a crash
 * inside the core ends the call with an error instead of ending the process.
 *
 * Some guest code crashes QEMU's m68k translator, and with it any process that
 * hosts it (docs/runner.md, "Code the core cannot translate"). The runner keeps
 * the instructions it knows of from the core, but guest code can be new to it:
 * written by the guest's own stores, or a kind not known yet. A JVM that runs a
 * whole JUnit suite must not go down with one image.
 *
 * While a thread is inside a guarded call, a fault (SIGSEGV, SIGBUS, SIGILL,
 * SIGFPE) at an instruction of the core's own code jumps back out of that call,
 * which then returns QJ_CORE_CRASHED. Every other fault, on any thread, goes on
 * to the handler installed before this one (the JVM's, which uses these
 * signals itself), as if this one were not there. The engine a crash left
 * behind is in no state to run again; the caller closes it, guarded too.
 *
 * Built by `make` (the core-guard target) into build/cpu-core/, next to the
 * core, and bound by the runner through JNA (cpu/CoreGuard.java).
 */
#define _GNU_SOURCE
#include <link.h>
#include <pthread.h>
#include <setjmp.h>
#include <signal.h>
#include <stddef.h>
#include <stdint.h>
#include <ucontext.h>

/* Not a uc_err value (unicorn.h numbers those from 0 up). */
#define QJ_CORE_CRASHED (-1000)

typedef int (*emu_start_fn)(void *uc, uint64_t begin, uint64_t until, uint64_t timeout, size_t count);
typedef int (*ctl_fn)(void *uc, int control, ...);
typedef int (*close_fn)(void *uc);

static const int guarded_signals[] = {SIGSEGV, SIGBUS, SIGILL, SIGFPE};

static emu_start_fn emu_start;
static ctl_fn ctl;
static close_fn close_engine;
/* The core's code: the executable segment of the library emu_start is in, and where the library is loaded. */
static uintptr_t core_start, core_end, core_base;
static struct sigaction previous[NSIG];
static pthread_once_t installed = PTHREAD_ONCE_INIT;
static int install_result = -1;

/*
 * Per thread: where the innermost guarded call returns to after a crash, and
 * what the last crash was. initial-exec keeps them in static TLS, which the
 * signal handler can reach without allocating.
 */
static __thread __attribute__((tls_model("initial-exec"))) sigjmp_buf *innermost;
static __thread __attribute__((tls_model("initial-exec"))) int crash_signal;
static __thread __attribute__((tls_model("initial-exec"))) uintptr_t crash_host_pc;

static void pass_on(int signal, siginfo_t *info, void *context)
{
    struct sigaction *before = &previous[signal];
    if (before->sa_flags & SA_SIGINFO) {
        before->sa_sigaction(signal, info, context);
    } else if (before->sa_handler == SIG_DFL) {
        /* Returning runs the faulting instruction again, now with the default action. */
        struct sigaction fallback = {.sa_handler = SIG_DFL};
        sigaction(signal, &fallback, NULL);
    } else if (before->sa_handler != SIG_IGN) {
        before->sa_handler(signal);
    }
}

static void on_fault(int signal, siginfo_t *info, void *context)
{
    uintptr_t pc = (uintptr_t) ((ucontext_t *) context)->uc_mcontext.gregs[REG_RIP];
    /* The address first: faults elsewhere (the JVM's own) must not touch this thread's state. */
    if (pc < core_start || pc >= core_end || innermost == NULL) {
        pass_on(signal, info, context);
        return;
    }
    crash_signal = signal;
    crash_host_pc = pc;
    /* The jump does not restore the signal mask (sigsetjmp(.., 0) below saves none), so unblock it here. */
    sigset_t unblock;
    sigemptyset(&unblock);
    sigaddset(&unblock, signal);
    pthread_sigmask(SIG_UNBLOCK, &unblock, NULL);
    siglongjmp(*innermost, 1);
}

static int find_core(struct dl_phdr_info *object, size_t size, void *function)
{
    (void) size;
    uintptr_t address = (uintptr_t) function;
    for (int i = 0; i < object->dlpi_phnum; i++) {
        const ElfW(Phdr) *segment = &object->dlpi_phdr[i];
        uintptr_t start = object->dlpi_addr + segment->p_vaddr;
        if (segment->p_type == PT_LOAD && (segment->p_flags & PF_X)
                && address >= start && address < start + segment->p_memsz) {
            core_start = start;
            core_end = start + segment->p_memsz;
            core_base = object->dlpi_addr;
            return 1;
        }
    }
    return 0;
}

static void install(void)
{
    if (!dl_iterate_phdr(find_core, (void *) emu_start)) {
        return;
    }
    for (size_t i = 0; i < sizeof guarded_signals / sizeof guarded_signals[0]; i++) {
        int signal = guarded_signals[i];
        if (sigaction(signal, NULL, &previous[signal]) != 0) {
            return;
        }
        struct sigaction guard = previous[signal];
        guard.sa_sigaction = on_fault;
        guard.sa_flags |= SA_SIGINFO;
        if (sigaction(signal, &guard, NULL) != 0) {
            return;
        }
    }
    install_result = 0;
}

/*
 * Takes the core's uc_emu_start, uc_ctl and uc_close, and installs the fault
 * handler, once per process (later calls only return the first one's result).
 * Returns 0, or -1 if the core's code could not be found or a handler not set.
 */
int qj_guard_install(void *uc_emu_start, void *uc_ctl, void *uc_close)
{
    emu_start = (emu_start_fn) uc_emu_start;
    ctl = (ctl_fn) uc_ctl;
    close_engine = (close_fn) uc_close;
    pthread_once(&installed, install);
    return install_result;
}

/* Evaluates CALL inside a guarded call, as the value of the enclosing function. */
#define GUARDED(call)                                   \
    do {                                                \
        sigjmp_buf here;                                \
        sigjmp_buf *outer = innermost;                  \
        if (sigsetjmp(here, 0) != 0) {                  \
            innermost = outer;                          \
            return QJ_CORE_CRASHED;                     \
        }                                               \
        innermost = &here;                              \
        int result = (call);                            \
        innermost = outer;                              \
        return result;                                  \
    } while (0)

int qj_emu_start(void *uc, uint64_t begin, uint64_t until, uint64_t timeout, size_t count)
{
    GUARDED(emu_start(uc, begin, until, timeout, count));
}

/* uc_ctl with two 64-bit arguments, e.g. UC_CTL_TB_REQUEST_CACHE, which translates. */
int qj_ctl(void *uc, int control, uint64_t first, uint64_t second)
{
    GUARDED(ctl(uc, control, first, second));
}

int qj_close(void *uc)
{
    GUARDED(close_engine(uc));
}

/*
 * The signal of this thread's last crash inside a guarded call, and the
 * core's instruction it hit, as an offset into the core's library (the same
 * from run to run, and what addr2line takes).
 */
int qj_crash_signal(void)
{
    return crash_signal;
}

uint64_t qj_crash_core_offset(void)
{
    return crash_host_pc - core_base;
}
