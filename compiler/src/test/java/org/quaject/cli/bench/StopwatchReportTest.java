package org.quaject.cli.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class StopwatchReportTest {

    @Test
    void findsBothLinesAmongOtherOutputWithTheirIndexesCountAndResult() {
        String console = """
                booting
                # bench: started
                some output of the work
                # bench: 200883123 instructions, result 0xf13efcc0
                # qj-exit: 0
                """;
        assertEquals(Optional.of(new StopwatchReport(1, 3, 200_883_123L, "0xf13efcc0")),
                StopwatchReport.find(console));
    }

    @Test
    void aCountBeyond32BitsIsReadWhole() {
        String console = "# bench: started\n# bench: 4294967296 instructions, result 0x00000000\n";
        assertEquals(4_294_967_296L, StopwatchReport.find(console).orElseThrow().instructions());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        "# bench: 5 instructions, result 0x00000001\n",
        "# bench: 5 instructions, result 0x00000001\n# bench: started\n",
        "# bench: started\n",
        "# bench: started\n# bench: 5 instructions, result 0x0001\n",
        "# bench: started\n# bench: 5 instructions, result 0xABCDEF01\n",
        "# bench: started\n# bench: -5 instructions, result 0x00000001\n",
        "# bench: started\n# bench: 5 instructions\n",
        "# bench: started \n# bench: 5 instructions, result 0x00000001\n"})
    void findsNothingWithoutAStartLineAndAWellFormedReportAfterIt(String console) {
        assertEquals(Optional.empty(), StopwatchReport.find(console));
    }
}
