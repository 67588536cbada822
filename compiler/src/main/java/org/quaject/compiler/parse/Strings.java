package org.quaject.compiler.parse;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * String literals of the .qj language: double quotes, with the escapes
 * {@code \n \t \r \0 \\ \" \xHH}. Other characters stand for their UTF-8 bytes.
 */
public final class Strings {

    private Strings() {
    }

    /** The text of a literal as written, including its quotes, decoded to a Java string. */
    public static String unquote(String literal) {
        return new String(bytes(literal), StandardCharsets.UTF_8);
    }

    /**
     * The bytes a literal stands for. A malformed escape is taken literally; the
     * lexer only lets through literals whose backslashes are each followed by a character.
     */
    public static byte[] bytes(String literal) {
        String body = literal.substring(1, literal.length() - 1);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int i = 0;
        while (i < body.length()) {
            int backslash = body.indexOf('\\', i);
            if (backslash < 0 || backslash + 1 >= body.length()) {
                out.writeBytes(body.substring(i).getBytes(StandardCharsets.UTF_8));
                break;
            }
            out.writeBytes(body.substring(i, backslash).getBytes(StandardCharsets.UTF_8));
            i = backslash + 1;
            char e = body.charAt(i);
            switch (e) {
                case 'n' -> out.write('\n');
                case 't' -> out.write('\t');
                case 'r' -> out.write('\r');
                case '0' -> out.write(0);
                case 'x' -> {
                    if (isHex(body, i + 1) && isHex(body, i + 2)) {
                        out.write(Integer.parseInt(body.substring(i + 1, i + 3), 16));
                        i += 2;
                    } else {
                        out.write('x');
                    }
                }
                default -> out.writeBytes(String.valueOf(e).getBytes(StandardCharsets.UTF_8));
            }
            i++;
        }
        return out.toByteArray();
    }

    private static boolean isHex(String s, int i) {
        return i < s.length() && Character.digit(s.charAt(i), 16) >= 0;
    }
}
