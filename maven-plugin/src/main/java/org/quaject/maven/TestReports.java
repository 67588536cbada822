package org.quaject.maven;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.apache.maven.plugin.MojoExecutionException;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/** What qj:test's runs came to, read back from the JUnit XML reports qj test wrote, and summed up as Surefire does. */
final class TestReports {

    private TestReports() {
    }

    /**
     * One run of one image's tests.
     *
     * @param run       the image's file name, with the preemption seed if any
     * @param tests     the test blocks the report holds
     * @param failures  "'NAME': REASON" for each failed test block
     * @param reported  whether the run got as far as a report
     * @param succeeded whether qj test succeeded: every test passed and the image ended normally
     */
    record Outcome(String run, int tests, List<String> failures, boolean reported, boolean succeeded) {
    }

    /** What the lines say, and whether every run succeeded. */
    record Summary(List<String> lines, String verdict, boolean passed) {
    }

    static Outcome read(String run, Path report, boolean succeeded) throws MojoExecutionException {
        if (!Files.isRegularFile(report)) {
            return new Outcome(run, 0, List.of(), false, succeeded);
        }
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            NodeList testcases = factory.newDocumentBuilder().parse(report.toFile()).getElementsByTagName("testcase");
            List<String> failures = new ArrayList<>();
            for (int i = 0; i < testcases.getLength(); i++) {
                Element testcase = (Element) testcases.item(i);
                NodeList failure = testcase.getElementsByTagName("failure");
                if (failure.getLength() > 0) {
                    failures.add("'" + testcase.getAttribute("name") + "': "
                            + ((Element) failure.item(0)).getAttribute("message"));
                }
            }
            return new Outcome(run, testcases.getLength(), failures, true, succeeded);
        } catch (IOException | ParserConfigurationException | SAXException e) {
            throw new MojoExecutionException("cannot read the report " + report + ": " + e.getMessage(), e);
        }
    }

    static Summary summarize(List<Outcome> outcomes) {
        List<String> problems = new ArrayList<>();
        int tests = 0;
        int failed = 0;
        int broken = 0;
        for (Outcome outcome : outcomes) {
            tests += outcome.tests();
            failed += outcome.failures().size();
            outcome.failures().forEach(failure -> problems.add("  " + outcome.run() + " " + failure));
            if (!outcome.reported()) {
                problems.add("  " + outcome.run() + ": did not run (the errors are above)");
                broken++;
            } else if (!outcome.succeeded() && outcome.failures().isEmpty()) {
                problems.add("  " + outcome.run() + ": the image did not end normally (its output is above)");
                broken++;
            }
        }
        List<String> lines = new ArrayList<>(List.of("", "Results:", ""));
        if (!problems.isEmpty()) {
            lines.add("Failures:");
            lines.addAll(problems);
            lines.add("");
        }
        lines.add("Tests run: " + tests + ", Failures: " + failed + ", Images that did not end normally: " + broken);
        lines.add("");
        String verdict = failed + " of " + tests + " test blocks failed"
                + (broken == 0 ? "" : ", " + broken + " of " + outcomes.size() + " runs did not end normally");
        return new Summary(lines, verdict, problems.isEmpty());
    }
}
