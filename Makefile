# The quaject toolchain. A new user needs two commands (README.md):
#
#   make run    install what is missing, build, compile examples/hello and boot it
#   make test   run every test
#
# Other targets: build (the qj jar), deps (system packages only), clean.

SHELL := /bin/bash
MVN   := mvn -B -q
JAR   := compiler/target/qj.jar

# command -> Debian package that provides it
TOOLS := java:default-jdk-headless mvn:maven \
         m68k-linux-gnu-as:binutils-m68k-linux-gnu \
         qemu-system-m68k:qemu-system-misc
# shared library -> Debian package that provides it (the runner's 68030 core)
LIBS  := libunicorn.so.2:libunicorn2

.PHONY: run test build deps clean

run: build
	bin/qj run examples/hello/hello.qj

test: deps
	mvn -B -ntp verify

build: deps
	$(MVN) -DskipTests package

# Installs the missing system packages with apt-get when run as root; otherwise
# prints the exact command to run and stops.
deps:
	@missing=""; \
	for pair in $(TOOLS); do \
	    command -v "$${pair%%:*}" >/dev/null 2>&1 || missing="$$missing $${pair##*:}"; \
	done; \
	for pair in $(LIBS); do \
	    /sbin/ldconfig -p | grep -q "$${pair%%:*}" || missing="$$missing $${pair##*:}"; \
	done; \
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

clean:
	$(MVN) clean
