package org.quaject.cli.bench;

import java.io.BufferedReader;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.quaject.runner.cpu.CpuCore;

/**
 * The second JVM of {@link OtherCoreEngine}, not a command of its own: it
 * loads the CPU core its environment chooses and says which, in one line,
 * {@code core VERSION DESCRIPTION FILES} (each field base64, FILES the
 * library files it loaded, one a line) or {@code unavailable WHY}; then, for
 * each line on its standard input that asks for a run ({@link
 * BenchRunLine.Request}: an image, a timeout, and a stress mode or none), it
 * runs the image on the runner and answers with one line, {@link
 * BenchRunLine}'s or {@code failed WHY}. It ends at the end of its input.
 */
public final class OtherCoreMain {

    private OtherCoreMain() {
    }

    public static void main(String[] args) throws IOException {
        PrintStream replies = new PrintStream(new FileOutputStream(FileDescriptor.out), false, StandardCharsets.UTF_8);
        // Standard output carries the replies and nothing else.
        System.setOut(System.err);
        CpuCore core = CpuCore.loaded();
        if (!core.isAvailable()) {
            replies.println("unavailable " + BenchRunLine.field(core.describe()));
            replies.flush();
            System.exit(0);
        }
        replies.println(String.join(" ", "core", BenchRunLine.field(core.version()),
                BenchRunLine.field(core.describe()),
                BenchRunLine.field(String.join("\n", OtherCoreEngine.loadedCoreFiles()))));
        replies.flush();
        RunnerBenchEngine runner = new RunnerBenchEngine();
        BufferedReader requests = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        for (String request = requests.readLine(); request != null; request = requests.readLine()) {
            replies.println(reply(runner, request));
            replies.flush();
        }
        System.exit(0);
    }

    private static String reply(RunnerBenchEngine runner, String line) {
        try {
            BenchRunLine.Request request = BenchRunLine.Request.decode(line);
            return BenchRunLine.encode(runner.run(request.image(), request.timeout(), request.stress()));
        } catch (BenchFailure | RuntimeException e) {
            return "failed " + BenchRunLine.field(String.valueOf(e.getMessage()));
        }
    }
}
