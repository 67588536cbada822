package org.quaject.cli.bench;

import java.util.StringJoiner;

/**
 * The kernels {@code qj bench compiler} builds: N quajects, as N classes with
 * one instance each or as N instances of one class. Each class is a small
 * counter with a field, a parameter and a callentry, so that every quaject has
 * holes to fill.
 */
public enum CompilerScale {
    CLASSES("classes"),
    INSTANCES("instances of one class");

    private final String label;

    CompilerScale(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The source of a kernel with {@code quajects} quajects of this shape. */
    public String source(int quajects) {
        StringJoiner text = new StringJoiner("\n", "", "\n");
        int classes = this == CLASSES ? quajects : 1;
        for (int c = 0; c < classes; c++) {
            text.add("quaject Counter" + c + "(step: word = 1) {");
            text.add("    var count: long");
            text.add("    callentry inc() -> d0.l {");
            text.add("        add.l   #@step,@count");
            text.add("        move.l  @count,d0");
            text.add("        rts");
            text.add("    }");
            text.add("}");
        }
        text.add("kernel scale {");
        for (int i = 0; i < quajects; i++) {
            text.add("    instance q" + i + ": Counter" + (this == CLASSES ? i : 0));
        }
        text.add("}");
        return text.toString();
    }
}
