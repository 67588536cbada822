package org.quaject.compiler.model;

import java.util.Locale;

/** The general registers of the 68000 family, as signatures name them. */
public final class Registers {

    private Registers() {
    }

    /** d0-d7, a0-a7, and sp for a7. */
    public static boolean isGeneral(String name) {
        String r = canonical(name);
        return r.length() == 2 && (r.charAt(0) == 'd' || r.charAt(0) == 'a') && r.charAt(1) >= '0' && r.charAt(1) <= '7';
    }

    public static boolean isAddress(String name) {
        return canonical(name).startsWith("a");
    }

    /** Lower case, with sp spelled a7, so that one register has one name. */
    public static String canonical(String name) {
        String r = name.toLowerCase(Locale.ROOT);
        return r.equals("sp") ? "a7" : r;
    }
}
