package org.despin.data.corpus;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.despin.text.Document;
import org.despin.text.Sentence;
import org.despin.text.Token;
import org.despin.text.TokenType;

/**
 * The prose of the documentation comments ({@code /** ... *}{@code /}, Javadoc and Scaladoc) of one
 * Java or Scala source file, as sentences: what the authors wrote about the algorithms, without the
 * code. Licence headers, comment markers, block tags ({@code @param} and everything after the first
 * one), code samples ({@code <pre>}, Scaladoc {@code {{{ }}}}), inline code ({@code {@code}},
 * {@code <code>}, backticks), unlabelled links, LaTeX and HTML tags are removed. Code and math leave a
 * break ({@value #BREAK}) in their place, so that the words on either side never read as one phrase;
 * a labelled link ({@code {@link Foo the label}}) keeps its label. Paragraphs ({@code <p>}, list
 * items, blank lines) never run into each other. A sentence is kept when it has at least
 * {@value #MIN_WORDS} words and words make up at least 70 % of its tokens other than hyphens and breaks
 * (not a formula or a signature).
 */
public final class DocCommentProse {
    /** What stands in for removed code or math: a token that ends a run of words. */
    public static final String BREAK = ";";
    static final int MIN_WORDS = 4;

    private static final Pattern COMMENT = Pattern.compile("/\\*\\*(.*?)\\*/", Pattern.DOTALL);
    private static final Pattern LICENCE = Pattern.compile(
            "(?i)licensed under|licensed to the|copyright|without warranties|permissions and limitations");
    private static final Pattern LINE_MARKER = Pattern.compile("(?m)^[ \\t]*\\*+ ?");
    /** Spark's stability markers, ":: Experimental ::", ":: DeveloperApi ::". */
    private static final Pattern ANNOTATION = Pattern.compile("::\\s*\\w+\\s*::");
    private static final Pattern BLOCK_TAG = Pattern.compile("(?m)^[ \\t]*@[a-zA-Z]");
    private static final Pattern CODE_BLOCK = Pattern.compile("(?is)<pre\\b.*?</pre>|\\{\\{\\{.*?}}}");
    private static final Pattern INLINE_CODE = Pattern.compile(
            "(?is)<(code|tt|var|samp|kbd)\\b[^>]*>.*?</\\1>|`[^`\\n]*`|\\$\\$.*?\\$\\$|\\$[^$\\n]+\\$|\\\\\\(.*?\\\\\\)|\\\\\\[.*?\\\\]");
    private static final Pattern LABELLED_LINK = Pattern.compile("\\{@(?:link|linkplain)\\s+\\S+\\s+([^{}]+)}");
    private static final Pattern INLINE_TAG = Pattern.compile("\\{@[a-zA-Z]+[^{}]*(?:\\{[^{}]*}[^{}]*)*}");
    private static final Pattern SCALA_LINK = Pattern.compile("\\[\\[[^\\]]*]]");
    private static final Pattern PARAGRAPH_TAG = Pattern.compile("(?i)</?(p|li|ul|ol|dl|dt|dd|br|h[1-6]|table|tr|td|th|div|blockquote)\\b[^>]*>");
    private static final Pattern TAG = Pattern.compile("<[^>]*>");
    private static final Pattern ENTITY = Pattern.compile("&(#\\d+|#x[0-9a-fA-F]+|[a-zA-Z]+);");
    private static final Pattern PARAGRAPHS = Pattern.compile("\\n[ \\t]*\\n|\\u2029");

    private DocCommentProse() {
    }

    /** The prose sentences of the doc comments in {@code source}, in file order. */
    public static List<String> sentences(String source) {
        List<String> out = new ArrayList<>();
        Matcher m = COMMENT.matcher(source);
        while (m.find()) {
            String body = m.group(1);
            if (LICENCE.matcher(body).find()) {
                continue;
            }
            for (String paragraph : PARAGRAPHS.split(plain(body))) {
                addSentences(paragraph, out);
            }
        }
        return out;
    }

    /** A comment's body to plain text: paragraphs separated by a blank line. */
    static String plain(String body) {
        String s = LINE_MARKER.matcher(body).replaceAll("");
        s = ANNOTATION.matcher(s).replaceAll(" ");
        Matcher tag = BLOCK_TAG.matcher(s);
        if (tag.find()) {
            s = s.substring(0, tag.start());
        }
        s = CODE_BLOCK.matcher(s).replaceAll("\n\n");
        s = INLINE_CODE.matcher(s).replaceAll(" " + BREAK + " ");
        s = LABELLED_LINK.matcher(s).replaceAll("$1");
        s = INLINE_TAG.matcher(s).replaceAll(" " + BREAK + " ");
        s = SCALA_LINK.matcher(s).replaceAll(" " + BREAK + " ");
        s = PARAGRAPH_TAG.matcher(s).replaceAll("\n\n");
        s = TAG.matcher(s).replaceAll(" ");
        return entities(s);
    }

    private static void addSentences(String paragraph, List<String> out) {
        String text = paragraph.replaceAll("\\s+", " ").strip();
        if (text.isEmpty()) {
            return;
        }
        Document doc = Document.parse(text);
        for (Sentence s : doc.sentences()) {
            int words = 0;
            int others = 0;
            for (int t = s.firstToken(); t < s.endToken(); t++) {
                Token token = doc.tokens().get(t);
                if (token.type() == TokenType.WORD) {
                    words++;
                } else if (token.type() != TokenType.JOINER && !token.text().equals(BREAK)) {
                    others++;
                }
            }
            if (words >= MIN_WORDS && words >= 0.7 * (words + others)) {
                Token first = doc.tokens().get(s.firstToken());
                Token last = doc.tokens().get(s.endToken() - 1);
                out.add(text.substring(first.start(), last.end()));
            }
        }
    }

    private static String entities(String s) {
        Matcher m = ENTITY.matcher(s);
        StringBuilder sb = new StringBuilder(s.length());
        while (m.find()) {
            m.appendReplacement(sb, Matcher.quoteReplacement(entity(m.group(1))));
        }
        m.appendTail(sb);
        return sb.toString();
    }

    private static String entity(String e) {
        switch (e) {
            case "amp": return "&";
            case "lt": return "<";
            case "gt": return ">";
            case "quot": return "\"";
            case "apos": return "'";
            default:
        }
        try {
            int code = e.startsWith("#x") ? Integer.parseInt(e.substring(2), 16)
                    : e.startsWith("#") ? Integer.parseInt(e.substring(1)) : -1;
            return code >= 0 && Character.isValidCodePoint(code) ? new String(Character.toChars(code)) : " ";
        } catch (NumberFormatException tooLong) {
            return " ";
        }
    }
}
