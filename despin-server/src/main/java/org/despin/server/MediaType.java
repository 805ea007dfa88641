package org.despin.server;

import java.util.Locale;

/**
 * The parts of a Content-Type header the API looks at: the type and the charset parameter.
 *
 * @param type lower-case {@code type/subtype}
 * @param charset lower-case charset parameter, or null when absent
 * @param header the header as sent (multipart needs its boundary parameter)
 */
record MediaType(String type, String charset, String header) {
    static final String TEXT = "text/plain";
    static final String JSON = "application/json";
    static final String MULTIPART = "multipart/form-data";

    /** Parses a Content-Type header; a missing header gives an empty type (rejected later with 415). */
    static MediaType parse(String header) {
        if (header == null) {
            return new MediaType("", null, "");
        }
        String[] parts = header.split(";");
        String type = parts[0].trim().toLowerCase(Locale.ROOT);
        String charset = null;
        for (int i = 1; i < parts.length; i++) {
            String p = parts[i].trim();
            int eq = p.indexOf('=');
            if (eq > 0 && p.substring(0, eq).trim().equalsIgnoreCase("charset")) {
                charset = unquote(p.substring(eq + 1).trim()).toLowerCase(Locale.ROOT);
            }
        }
        return new MediaType(type, charset, header);
    }

    private static String unquote(String s) {
        return s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"") ? s.substring(1, s.length() - 1) : s;
    }

    /** Only UTF-8 is accepted; an absent charset means UTF-8 (RFC 8259 for JSON, the API's rule for text). */
    boolean isUtf8() {
        return charset == null || charset.equals("utf-8") || charset.equals("utf8");
    }
}
