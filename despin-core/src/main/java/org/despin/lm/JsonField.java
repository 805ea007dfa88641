package org.despin.lm;

/**
 * Extracts one top-level string field from a JSON object on one line (JSONL), without a JSON
 * library: the training reader needs exactly this and nothing else. Nested values are skipped
 * by bracket matching that respects strings and escapes.
 */
public final class JsonField {
    private final String json;
    private int pos;

    private JsonField(String json) {
        this.json = json;
    }

    /**
     * The string value of the top-level field {@code field} of the JSON object {@code line}, or
     * null when the object has no such string field.
     *
     * @throws IllegalArgumentException when the line is not a JSON object
     */
    public static String extract(String line, String field) {
        return new JsonField(line).object(field);
    }

    private String object(String field) {
        skipSpace();
        expect('{');
        String found = null;
        skipSpace();
        if (peek() == '}') {
            pos++;
            return trailing(null);
        }
        while (true) {
            skipSpace();
            String key = string();
            skipSpace();
            expect(':');
            skipSpace();
            if (key.equals(field) && peek() == '"' && found == null) {
                found = string();
            } else {
                skipValue();
            }
            skipSpace();
            char c = next();
            if (c == '}') {
                return trailing(found);
            }
            if (c != ',') {
                throw error("expected ',' or '}'");
            }
        }
    }

    private String trailing(String found) {
        skipSpace();
        if (pos != json.length()) {
            throw error("text after the object");
        }
        return found;
    }

    private void skipValue() {
        char c = peek();
        if (c == '"') {
            string();
        } else if (c == '{' || c == '[') {
            int depth = 0;
            do {
                char d = peek();
                if (d == '"') {
                    string();
                    continue;
                }
                pos++;
                if (d == '{' || d == '[') {
                    depth++;
                } else if (d == '}' || d == ']') {
                    depth--;
                }
            } while (depth > 0);
        } else {
            int start = pos;
            while (pos < json.length() && "+-.0123456789eEtruefalsn".indexOf(json.charAt(pos)) >= 0) {
                pos++;
            }
            if (pos == start) {
                throw error("expected a value");
            }
        }
    }

    private String string() {
        expect('"');
        StringBuilder sb = null;
        int start = pos;
        while (true) {
            char c = next();
            if (c == '"') {
                return sb == null ? json.substring(start, pos - 1) : sb.toString();
            }
            if (c == '\\') {
                if (sb == null) {
                    sb = new StringBuilder(json.substring(start, pos - 1));
                }
                char e = next();
                switch (e) {
                    case '"': sb.append('"'); break;
                    case '\\': sb.append('\\'); break;
                    case '/': sb.append('/'); break;
                    case 'b': sb.append('\b'); break;
                    case 'f': sb.append('\f'); break;
                    case 'n': sb.append('\n'); break;
                    case 'r': sb.append('\r'); break;
                    case 't': sb.append('\t'); break;
                    case 'u':
                        if (pos + 4 > json.length()) {
                            throw error("short \\u escape");
                        }
                        try {
                            sb.append((char) Integer.parseInt(json.substring(pos, pos + 4), 16));
                        } catch (NumberFormatException ex) {
                            throw error("bad \\u escape");
                        }
                        pos += 4;
                        break;
                    default:
                        throw error("bad escape \\" + e);
                }
            } else if (c < 0x20) {
                throw error("control character in a string");
            } else if (sb != null) {
                sb.append(c);
            }
        }
    }

    private void skipSpace() {
        while (pos < json.length()) {
            char c = json.charAt(pos);
            if (c != ' ' && c != '\t' && c != '\r' && c != '\n') {
                break;
            }
            pos++;
        }
    }

    private char peek() {
        if (pos >= json.length()) {
            throw error("unexpected end of line");
        }
        return json.charAt(pos);
    }

    private char next() {
        char c = peek();
        pos++;
        return c;
    }

    private void expect(char c) {
        if (next() != c) {
            throw error("expected '" + c + "'");
        }
    }

    private IllegalArgumentException error(String what) {
        return new IllegalArgumentException("not a JSON object: " + what + " at column " + (pos + 1));
    }
}
