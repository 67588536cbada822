package org.quaject.runner.device;

import java.util.List;

/** Device providers for DevicePluginsTest, listed in jars it makes and loaded from the test class path. */
public final class TestProviders {
    private TestProviders() {
    }

    /** A device of 32-bit registers at 0xff00a000, line 1:2: register 0 reads 0x1234, register 4 keeps what is written. */
    public static final class Scratch implements DeviceProvider {
        @Override
        public String type() {
            return "scratch";
        }

        @Override
        public String description() {
            return "a scratch register";
        }

        @Override
        public Placement placement() {
            return Placement.fixed(0xff00_a000L, 1, 2);
        }

        @Override
        public List<String> qemuArguments() {
            return List.of();
        }

        @Override
        public DeviceModel create(DeviceContext context) {
            return new MmioDevice("scratch", context.base(), 8, MmioDevice.NarrowAccess.PASSED) {
                private int kept;

                @Override
                protected int readRegister(int offset) {
                    return offset == 0 ? 0x1234 : offset == 4 ? kept : 0;
                }

                @Override
                protected void writeRegister(int offset, int value) {
                    if (offset == 4) {
                        kept = value;
                    }
                }
            };
        }
    }

    /** Its constructor fails. */
    public static final class Throwing implements DeviceProvider {
        public Throwing() {
            throw new IllegalStateException("no entropy today");
        }

        @Override
        public String type() {
            return "throwing";
        }

        @Override
        public String description() {
            return "";
        }

        @Override
        public Placement placement() {
            return Placement.nextVirtioTransport();
        }

        @Override
        public List<String> qemuArguments() {
            return List.of();
        }

        @Override
        public DeviceModel create(DeviceContext context) {
            return null;
        }
    }

    /** Not a provider at all. */
    public static final class NotAProvider {
    }

    /** Another provider of "scratch". */
    public static final class Other implements DeviceProvider {
        private final DeviceProvider to = new Scratch();

        @Override
        public String type() {
            return to.type();
        }

        @Override
        public String description() {
            return to.description();
        }

        @Override
        public Placement placement() {
            return to.placement();
        }

        @Override
        public List<String> qemuArguments() {
            return to.qemuArguments();
        }

        @Override
        public DeviceModel create(DeviceContext context) {
            return to.create(context);
        }
    }
}
