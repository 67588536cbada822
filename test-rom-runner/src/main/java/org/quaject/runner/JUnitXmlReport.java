package org.quaject.runner;

import java.io.StringWriter;
import java.util.List;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * The tests of one image as a JUnit XML report, in the form Maven Surefire
 * writes and CI servers read ({@code TEST-*.xml}): one {@code testsuite} named
 * after the image, one {@code testcase} per {@code test} block, named after
 * it, and for each failed one a {@code failure} whose message is the reason
 * and whose text is its diagnostics (a crash report, for one that crashed);
 * the console, whole, as the suite's {@code system-out}.
 */
public final class JUnitXmlReport {

    private JUnitXmlReport() {
    }

    /**
     * @param suite   the suite's name, e.g. the image's file name without its extension
     * @param results the tests, in order
     * @param console what the image wrote to the console
     */
    public static String of(String suite, List<TestResult> results, String console) {
        long failures = results.stream().filter(r -> !r.passed()).count();
        StringWriter text = new StringWriter();
        try {
            XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(text);
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeCharacters("\n");
            xml.writeStartElement("testsuite");
            xml.writeAttribute("name", suite);
            xml.writeAttribute("tests", Integer.toString(results.size()));
            xml.writeAttribute("failures", Long.toString(failures));
            xml.writeAttribute("errors", "0");
            xml.writeAttribute("skipped", "0");
            for (TestResult result : results) {
                xml.writeCharacters("\n  ");
                xml.writeStartElement("testcase");
                xml.writeAttribute("name", legal(result.name().isEmpty() ? "test " + result.number() : result.name()));
                xml.writeAttribute("classname", suite);
                if (!result.passed()) {
                    xml.writeStartElement("failure");
                    xml.writeAttribute("message", legal(result.reason()));
                    xml.writeCharacters(legal(String.join("\n", result.diagnostics())));
                    xml.writeEndElement();
                }
                xml.writeEndElement();
            }
            xml.writeCharacters("\n  ");
            xml.writeStartElement("system-out");
            xml.writeCharacters(legal(console));
            xml.writeEndElement();
            xml.writeCharacters("\n");
            xml.writeEndElement();
            xml.writeCharacters("\n");
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("writing a JUnit XML report: " + e.getMessage(), e);
        }
        return text.toString();
    }

    /**
     * The text with the characters XML 1.0 cannot hold at all (control
     * characters other than tab, newline and carriage return; unpaired
     * surrogates) replaced by U+FFFD: a guest may write any byte.
     */
    static String legal(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean pair = Character.isHighSurrogate(c) && i + 1 < text.length()
                    && Character.isLowSurrogate(text.charAt(i + 1));
            if (pair) {
                out.append(c).append(text.charAt(++i));
            } else if (c == '\t' || c == '\n' || c == '\r' || c >= 0x20 && c < 0xd800 || c > 0xdfff && c < 0xfffe) {
                out.append(c);
            } else {
                out.append('\ufffd');
            }
        }
        return out.toString();
    }
}
