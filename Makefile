# The quaject toolchain. A new user needs two commands (README.md):
#
#   make run    install what is missing, build, compile examples/hello and boot it
#   make test   run every test
#
# Other targets: build (the qj jar), deps (system packages, the CPU core and
# its guard), cpu-core (the CPU core only), core-guard (its guard only), fuzz (ten minutes of fuzzing the compiler's
# front end), editor-test (the editor grammar's tests only), clean.

SHELL := /bin/bash
MVN   := mvn -B -q
JAR   := compiler/target/qj.jar

# command -> Debian package that provides it
TOOLS := java:default-jdk-headless mvn:maven gcc:gcc \
         m68k-linux-gnu-as:binutils-m68k-linux-gnu \
         qemu-system-m68k:qemu-system-misc \
         gdb-multiarch:gdb-multiarch node:nodejs npm:npm
# shared library -> Debian package that provides it (the runner's 68030 core)
LIBS  := libunicorn.so.2:libunicorn2

# The runner's CPU core: Unicorn from its official distribution, the `unicorn`
# wheel, which carries its own libunicorn.so.2. Unpacked into build/cpu-core/,
# where the runner looks first (docs/runner.md, "The CPU core"). Without pip
# the runner falls back to Debian's libunicorn2 (Unicorn 2.0.1).
UNICORN_VERSION := 2.1.4
CORE_DIR        := build/cpu-core
CORE            := $(CORE_DIR)/libunicorn.so.2
CORE_STAMP      := $(CORE_DIR)/unicorn-$(UNICORN_VERSION)

# The core guard: the runner's own small library through which it calls the
# core, so that a crash inside the core ends the run and not the JVM
# (docs/runner.md, "Code the core cannot translate").
GUARD        := $(CORE_DIR)/libqj-core-guard.so
GUARD_SOURCE := test-rom-runner/src/main/c/core-guard.c

.PHONY: run test build deps cpu-core core-guard fuzz editor-test clean

run: build
	bin/qj run examples/hello/hello.qj

test: deps
	$(MAKE) --no-print-directory editor-test
	mvn -B -ntp verify
	$(MAKE) --no-print-directory fuzz-run FUZZ_TEST=shortRun

fuzz: deps
	$(MAKE) --no-print-directory fuzz-run FUZZ_TEST=longRun

# Fuzzes the compiler's front end with Jazzer (compiler's FrontEndFuzzTest),
# starting from the examples and bench kernels as seeds in a fresh corpus.
# Inputs that break it are written to the test's resources, to be fixed and
# kept as regression inputs.
FUZZ_CORPUS := compiler/.cifuzz-corpus/org.quaject.compiler.FrontEndFuzzTest
FUZZ_SEEDS  := $(wildcard examples/*/*.qj bench/*.qj)

.PHONY: fuzz-run
fuzz-run:
	@rm -rf $(FUZZ_CORPUS)/$(FUZZ_TEST) && mkdir -p $(FUZZ_CORPUS)/$(FUZZ_TEST)
	@for seed in $(FUZZ_SEEDS); do cp "$$seed" "$(FUZZ_CORPUS)/$(FUZZ_TEST)/$${seed//\//-}"; done
	JAZZER_FUZZ=1 mvn -B -ntp -q test -pl compiler -am -Dtest='FrontEndFuzzTest#$(FUZZ_TEST)' \
	    -Dsurefire.failIfNoSpecifiedTests=false

# The VS Code extension's grammar tests (docs/editors.md): npm installs the
# pinned test tools from editors/vscode/package-lock.json.
editor-test: system-packages
	@npm ci --prefix editors/vscode --no-audit --no-fund --loglevel=error
	@npm test --prefix editors/vscode --silent

build: deps
	$(MVN) -DskipTests package

# Installs the missing system packages with apt-get when run as root; otherwise
# prints the exact command to run and stops.
deps: system-packages cpu-core core-guard

.PHONY: system-packages
system-packages:
	@missing=""; \
	for pair in $(TOOLS); do \
	    command -v "$${pair%%:*}" >/dev/null 2>&1 || missing="$$missing $${pair##*:}"; \
	done; \
	for pair in $(LIBS); do \
	    /sbin/ldconfig -p | grep -q "$${pair%%:*}" || missing="$$missing $${pair##*:}"; \
	done; \
	python3 -m pip --version >/dev/null 2>&1 || missing="$$missing python3-pip"; \
	if [ -n "$$missing" ]; then \
	    if [ "$$(id -u)" = 0 ]; then \
	        echo "Installing:$$missing"; \
	        export DEBIAN_FRONTEND=noninteractive; \
	        apt-get update -q && apt-get install -y -q --no-install-recommends $$missing; \
	    else \
	        echo "Missing system packages. Install them with:"; \
	        echo "    sudo apt-get install$$missing"; \
	        exit 1; \
	    fi; \
	fi

cpu-core: $(CORE_STAMP)

# pip download fetches the wheel as pip install would, from the index pip is set
# up with; the library is taken out of it with Python's own zipfile module.
$(CORE_STAMP):
	@if ! python3 -m pip --version >/dev/null 2>&1; then \
	    echo "note: no pip, so no Unicorn $(UNICORN_VERSION): the runner uses Debian's libunicorn2 (slower)"; \
	    exit 0; \
	fi; \
	echo "Fetching the CPU core: Unicorn $(UNICORN_VERSION) (the unicorn wheel)"; \
	rm -rf $(CORE_DIR) && mkdir -p $(CORE_DIR)/wheel && \
	python3 -m pip download --quiet --no-deps --only-binary=:all: --dest $(CORE_DIR)/wheel \
	    "unicorn==$(UNICORN_VERSION)" && \
	python3 -c 'import sys, zipfile, glob; \
	    wheel = zipfile.ZipFile(glob.glob(sys.argv[1] + "/unicorn-*.whl")[0]); \
	    open(sys.argv[2] + ".part", "wb").write(wheel.read("unicorn/lib/libunicorn.so.2"))' \
	    $(CORE_DIR)/wheel $(CORE) && \
	mv $(CORE).part $(CORE) && rm -rf $(CORE_DIR)/wheel && touch $@ || \
	{ echo "note: could not fetch Unicorn $(UNICORN_VERSION): the runner uses Debian's libunicorn2 (slower)"; \
	  rm -rf $(CORE_DIR); }

core-guard: $(GUARD)

# After cpu-core, which empties the folder when it fetches the core.
$(GUARD): $(GUARD_SOURCE) | system-packages cpu-core
	@mkdir -p $(CORE_DIR)
	gcc -std=c11 -O2 -Wall -Wextra -Werror -fPIC -shared -o $@.part $(GUARD_SOURCE) -lpthread
	@mv $@.part $@

clean:
	$(MVN) clean
