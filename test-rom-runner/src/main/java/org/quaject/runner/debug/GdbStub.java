package org.quaject.runner.debug;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Answers gdb's packets from one connection by acting on a {@link DebugTarget}.
 * What it implements: {@code qSupported} (with the m68k target description
 * by {@code qXfer:features:read}, and reverse execution), {@code ?},
 * {@code g}/{@code G}, {@code p}/{@code P}, {@code m}/{@code M}/{@code X},
 * {@code Z0}/{@code z0} and {@code Z1}/{@code z1} (both kept by the target,
 * never written into guest memory), {@code s}/{@code c}/{@code S}/{@code C},
 * {@code vCont}, {@code bs}/{@code bc}, the one-thread queries, {@code k} and
 * {@code D}. Anything else gets the empty reply, gdb's "not supported".
 */
public final class GdbStub {

    /** The largest packet gdb may send us, in bytes; {@code M} and {@code X} packets are limited by it. */
    static final int PACKET_SIZE = 0x4000;

    static final String SUPPORTED = "PacketSize=" + Integer.toHexString(PACKET_SIZE)
            + ";qXfer:features:read+;ReverseStep+;ReverseContinue+";

    private static final String OK = "OK";
    /** The reply to a request whose arguments do not parse or whose memory is not RAM. */
    private static final String ERROR = "E01";
    private static final HexFormat HEX = HexFormat.of();

    private final RspChannel channel;
    private final DebugTarget target;
    private final PrintWriter log;
    private TargetStop lastStop = TargetStop.signal(TargetStop.SIGTRAP);

    /** @param log where the stub says what ended the session, for the user at {@code qj debug}'s terminal */
    public GdbStub(RspChannel channel, DebugTarget target, PrintWriter log) {
        this.channel = channel;
        this.target = target;
        this.log = log;
    }

    /**
     * Serves packets until gdb detaches, kills the target, closes the
     * connection, or hears that the guest ended. Returns how the guest ended, if it did.
     */
    public Optional<TargetStop> serve() throws IOException {
        for (Optional<String> packet = channel.receive(); packet.isPresent(); packet = channel.receive()) {
            String request = packet.get();
            if (request.equals("k")) {
                log.println("qj debug: gdb killed the target");
                return Optional.empty();
            }
            if (request.startsWith("D")) {
                channel.send(OK);
                log.println("qj debug: gdb detached");
                return Optional.empty();
            }
            channel.send(answer(request));
            if (lastStop.exited()) {
                return Optional.of(lastStop);
            }
        }
        log.println("qj debug: gdb closed the connection");
        return Optional.empty();
    }

    /** The reply to one packet: an error for arguments that do not parse. */
    String answer(String request) throws IOException {
        try {
            return dispatch(request);
        } catch (IllegalArgumentException e) {
            return ERROR;
        }
    }

    private String dispatch(String request) throws IOException {
        if (request.startsWith("qSupported")) {
            return SUPPORTED;
        }
        if (request.startsWith("qXfer:features:read:")) {
            return features(request.substring("qXfer:features:read:".length()));
        }
        if (request.startsWith("vCont")) {
            return vCont(request);
        }
        return switch (request.isEmpty() ? ' ' : request.charAt(0)) {
            case '?' -> lastStop.reply();
            case 'g' -> registers();
            case 'G' -> setRegisters(request.substring(1));
            case 'p' -> hex32(target.register(number(request.substring(1))));
            case 'P' -> setRegister(request.substring(1));
            case 'm' -> readMemory(request.substring(1));
            case 'M' -> writeMemory(request.substring(1), false);
            case 'X' -> writeMemory(request.substring(1), true);
            case 'Z', 'z' -> breakpoint(request);
            case 's', 'S' -> stopped(target.step());
            case 'c', 'C' -> stopped(target.resume(channel::interruptRequested));
            case 'b' -> reverse(request);
            case 'H', 'T' -> OK;
            case 'q' -> query(request);
            default -> "";
        };
    }

    private String query(String request) {
        return switch (request) {
            case "qAttached" -> "1";
            case "qC" -> "QC1";
            case "qfThreadInfo" -> "m1";
            case "qsThreadInfo" -> "l";
            default -> "";
        };
    }

    /** {@code vCont?} lists the actions; {@code vCont;ACTION[:thread]...} does the first one (there is one thread). */
    private String vCont(String request) throws IOException {
        if (request.equals("vCont?")) {
            return "vCont;c;C;s;S";
        }
        String[] actions = request.split(";");
        if (actions.length < 2 || actions[1].isEmpty()) {
            throw new IllegalArgumentException("vCont without an action");
        }
        return switch (actions[1].charAt(0)) {
            case 's', 'S' -> stopped(target.step());
            case 'c', 'C' -> stopped(target.resume(channel::interruptRequested));
            default -> "";
        };
    }

    private String reverse(String request) throws IOException {
        return switch (request) {
            case "bs" -> stopped(target.reverseStep());
            case "bc" -> stopped(target.reverseResume(channel::interruptRequested));
            default -> "";
        };
    }

    private String stopped(TargetStop stop) {
        lastStop = stop;
        return stop.reply();
    }

    /** {@code target.xml:OFFSET,LENGTH}: a chunk of the description, {@code m} if more follows, {@code l} if last. */
    private static String features(String arguments) {
        int colon = arguments.indexOf(':');
        if (colon < 0 || !arguments.substring(0, colon).equals(M68kTargetDescription.ANNEX)) {
            return "E00";
        }
        long[] range = addressAndLength(arguments.substring(colon + 1));
        String xml = M68kTargetDescription.XML;
        int from = (int) Math.min(range[0], xml.length());
        int to = (int) Math.min(xml.length(), from + range[1]);
        return (to < xml.length() ? "m" : "l") + xml.substring(from, to);
    }

    private String registers() {
        StringBuilder hex = new StringBuilder();
        for (int number = 0; number < M68kTargetDescription.COUNT; number++) {
            hex.append(hex32(target.register(number)));
        }
        return hex.toString();
    }

    private String setRegisters(String hex) {
        if (hex.length() != M68kTargetDescription.COUNT * 8) {
            throw new IllegalArgumentException("G needs " + M68kTargetDescription.COUNT + " registers");
        }
        for (int number = 0; number < M68kTargetDescription.COUNT; number++) {
            target.setRegister(number, (int) Long.parseLong(hex.substring(number * 8, number * 8 + 8), 16));
        }
        return OK;
    }

    /** {@code N=VALUE}. */
    private String setRegister(String arguments) {
        int equals = arguments.indexOf('=');
        if (equals < 0 || arguments.length() - equals - 1 != 8) {
            throw new IllegalArgumentException("P needs N=VALUE with a 32-bit value");
        }
        target.setRegister(number(arguments.substring(0, equals)),
                (int) Long.parseLong(arguments.substring(equals + 1), 16));
        return OK;
    }

    private String readMemory(String arguments) {
        long[] range = addressAndLength(arguments);
        if (range[1] > PACKET_SIZE / 2) {
            throw new IllegalArgumentException("more memory than a reply holds");
        }
        return target.readMemory(range[0], (int) range[1]).map(HEX::formatHex).orElse(ERROR);
    }

    /** {@code ADDR,LENGTH:DATA}, the data in hex ({@code M}) or escaped binary ({@code X}). */
    private String writeMemory(String arguments, boolean binary) {
        int colon = arguments.indexOf(':');
        if (colon < 0) {
            throw new IllegalArgumentException("no data");
        }
        long[] range = addressAndLength(arguments.substring(0, colon));
        String data = arguments.substring(colon + 1);
        byte[] bytes = binary ? RspChannel.unescape(data) : HEX.parseHex(data);
        if (bytes.length != range[1]) {
            throw new IllegalArgumentException("the data is not LENGTH bytes");
        }
        return bytes.length == 0 || target.writeMemory(range[0], bytes) ? OK : ERROR;
    }

    /** {@code Z0,ADDR,KIND} and {@code Z1,...}: software and hardware breakpoints are the same thing here. */
    private String breakpoint(String request) {
        String[] fields = request.substring(1).split(",");
        if (fields.length < 2 || !(fields[0].equals("0") || fields[0].equals("1"))) {
            return "";
        }
        long address = Long.parseLong(fields[1], 16);
        if (request.charAt(0) == 'Z') {
            target.insertBreakpoint(address);
        } else {
            target.removeBreakpoint(address);
        }
        return OK;
    }

    private static int number(String hex) {
        return Integer.parseInt(hex, 16);
    }

    /** {@code ADDR,LENGTH} in hex. */
    private static long[] addressAndLength(String arguments) {
        int comma = arguments.indexOf(',');
        if (comma < 0) {
            throw new IllegalArgumentException("ADDR,LENGTH expected");
        }
        return new long[] {Long.parseLong(arguments.substring(0, comma), 16),
            Long.parseLong(arguments.substring(comma + 1), 16)};
    }

    private static String hex32(int value) {
        return String.format("%08x", value);
    }
}
