package org.quaject.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** The report parses as XML, whatever the guest wrote, and says what Surefire's reports say. */
class JUnitXmlReportTest {

    @Test
    void aSuiteOfTestCasesWithTheFailuresAndTheConsole() throws Exception {
        List<TestResult> results = List.of(
                new TestResult(1, "passes", true, "", List.of()),
                new TestResult(2, "compares <a> & \"b\"", false, "1 < 2 & 3 > 2", List.of("*** Bus error", "    D0 0x1")),
                new TestResult(3, "", false, "no name", List.of()));
        Element suite = parse(JUnitXmlReport.of("counter", results, "ok\u0000 \u001b[1m bytes\n")).getDocumentElement();

        assertEquals("testsuite", suite.getTagName());
        assertEquals("counter", suite.getAttribute("name"));
        assertEquals("3", suite.getAttribute("tests"));
        assertEquals("2", suite.getAttribute("failures"));
        NodeList cases = suite.getElementsByTagName("testcase");
        assertEquals(3, cases.getLength());
        Element first = (Element) cases.item(0);
        assertEquals("passes", first.getAttribute("name"));
        assertEquals("counter", first.getAttribute("classname"));
        assertEquals(0, first.getElementsByTagName("failure").getLength());
        Element second = (Element) cases.item(1);
        assertEquals("compares <a> & \"b\"", second.getAttribute("name"));
        Element failure = (Element) second.getElementsByTagName("failure").item(0);
        assertEquals("1 < 2 & 3 > 2", failure.getAttribute("message"));
        assertEquals("*** Bus error\n    D0 0x1", failure.getTextContent());
        assertEquals("test 3", ((Element) cases.item(2)).getAttribute("name"));
        assertEquals("ok\ufffd \ufffd[1m bytes\n", suite.getElementsByTagName("system-out").item(0).getTextContent());
    }

    private static Document parse(String xml) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }
}
