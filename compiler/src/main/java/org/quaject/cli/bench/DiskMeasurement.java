package org.quaject.cli.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.quaject.compiler.image.DiskImage;

/**
 * What one run of bench/disk.qj ({@code qj bench disk}) measured: what each
 * kind of request costs the virtio-blk driver, from lines
 * <pre>
 * # disk cost: polled read, 1 sector, 64 requests: N instructions
 * # disk cost: interrupt write, 128 sectors, 64 requests: N instructions, submit M
 * </pre>
 * and how long moving the whole disk took, from a line and the stopwatch's two
 * (bench/stopwatch.qj) for each way of moving it:
 * <pre>
 * # disk: polled write, R requests of 128 sectors
 * # bench: started
 * # bench: N instructions, result 0xRRRRRRRR
 * </pre>
 *
 * @param costs     the cost lines, in order
 * @param transfers the transfers, in order
 */
public record DiskMeasurement(List<Cost> costs, List<Transfer> transfers) {

    private static final String KERNEL = "disk";
    private static final Pattern COST = Pattern.compile(
            "# disk cost: ((?:polled|interrupt) (?:read|write)), (\\d+) sectors?, (\\d+) requests: (\\d+) instructions"
                    + "(?:, submit (\\d+))?");
    private static final Pattern TRANSFER = Pattern.compile(
            "# disk: ((?:polled|interrupt) (?:read|write)), (\\d+) requests of (\\d+) sectors");

    public DiskMeasurement {
        costs = List.copyOf(costs);
        transfers = List.copyOf(transfers);
    }

    /**
     * The instructions of {@code requests} requests of one kind, read off the
     * guest clock: exact on the runner; on QEMU a polled request's include the
     * wait for the disk.
     *
     * @param request      "polled read", "interrupt write"...
     * @param sectors      each request's sectors
     * @param instructions all the requests' instructions: the call, and for a
     *                     submitted request also the interrupt handler
     * @param submit       for a submitted request, the calls' share of them
     */
    public record Cost(String request, int sectors, int requests, long instructions, OptionalLong submit) {

        /** The row's label, e.g. "polled read, 128 sectors". */
        public String label() {
            return request + ", " + sectors + (sectors == 1 ? " sector" : " sectors");
        }

        public double perRequest() {
            return (double) instructions / requests;
        }

        public double perSector() {
            return perRequest() / sectors;
        }

        /** For a submitted request: the call to submit_read or submit_write. */
        public OptionalDouble submitPerRequest() {
            return submit.isPresent() ? OptionalDouble.of((double) submit.getAsLong() / requests)
                    : OptionalDouble.empty();
        }

        /** For a submitted request: the interrupt handler that reports it, callback included. */
        public OptionalDouble interruptPerRequest() {
            return submit.isPresent() ? OptionalDouble.of((double) (instructions - submit.getAsLong()) / requests)
                    : OptionalDouble.empty();
        }
    }

    /**
     * The whole disk moved one way, timed between the stopwatch's two lines.
     *
     * @param request      "polled write", "interrupt read"...
     * @param requests     how many requests
     * @param sectors      each request's sectors
     * @param instructions the instructions between the two lines: the
     *                     machine's count on an engine that counts, else the guest clock's
     * @param nanos        the host time between the two lines' first bytes
     */
    public record Transfer(String request, long requests, int sectors, long instructions, long nanos) {

        public long bytes() {
            return requests * sectors * DiskImage.SECTOR_BYTES;
        }

        /** Millions of bytes a second of host time. */
        public double megabytesPerSecond() {
            return bytes() * 1e3 / nanos;
        }

        public double instructionsPerRequest() {
            return (double) instructions / requests;
        }
    }

    /**
     * The measurements of a run; fails if the kernel did not print them all,
     * or the disk failed a request.
     */
    public static DiskMeasurement parse(BenchRun run) throws BenchFailure {
        List<Cost> costs = new ArrayList<>();
        for (String line : run.console().lines().toList()) {
            Matcher cost = COST.matcher(line);
            if (cost.matches()) {
                costs.add(new Cost(cost.group(1), Integer.parseInt(cost.group(2)), Integer.parseInt(cost.group(3)),
                        Long.parseLong(cost.group(4)),
                        cost.group(5) == null ? OptionalLong.empty() : OptionalLong.of(Long.parseLong(cost.group(5)))));
            }
        }
        if (costs.isEmpty()) {
            throw new BenchFailure("the disk kernel printed no cost of a request; it printed:\n" + run.console());
        }
        List<Transfer> transfers = Measurements.parseTimed(run, KERNEL, TRANSFER, (line, report, start, end) -> {
            String request = line.group(1);
            if (!report.result().equals("0x00000000")) {
                throw new BenchFailure("the disk failed a request of the " + request + " (result "
                        + report.result() + ")");
            }
            long nanos = end.nanos() - start.nanos();
            if (nanos <= 0) {
                throw new BenchFailure(String.format(Locale.ROOT, "the %s printed both stopwatch lines at once as far"
                        + " as the host can tell: too short to time", request));
            }
            return new Transfer(request, Long.parseLong(line.group(2)), Integer.parseInt(line.group(3)),
                    Measurements.instructions(report, start, end), nanos);
        });
        return new DiskMeasurement(costs, transfers);
    }
}
