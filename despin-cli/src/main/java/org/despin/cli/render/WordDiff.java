package org.despin.cli.render;

import java.util.ArrayList;
import java.util.List;

/**
 * A word-level diff of two short strings (a spun span and its suggested original): the longest
 * common subsequence of their words and separators. The restored text differs from the input
 * only inside findings, so diffing each finding's span gives the diff of the whole texts
 * without holding either in memory.
 */
final class WordDiff {
    enum Op { SAME, DELETED, INSERTED }

    record Piece(Op op, String text) {
    }

    private WordDiff() {
    }

    static List<Piece> diff(String before, String after) {
        List<String> a = words(before);
        List<String> b = words(after);
        int[][] lcs = new int[a.size() + 1][b.size() + 1];
        for (int i = a.size() - 1; i >= 0; i--) {
            for (int j = b.size() - 1; j >= 0; j--) {
                lcs[i][j] = a.get(i).equals(b.get(j)) ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
            }
        }
        List<Piece> out = new ArrayList<>();
        int i = 0;
        int j = 0;
        while (i < a.size() || j < b.size()) {
            if (i < a.size() && j < b.size() && a.get(i).equals(b.get(j))) {
                add(out, Op.SAME, a.get(i++));
                j++;
            } else if (i < a.size() && (j == b.size() || lcs[i + 1][j] >= lcs[i][j + 1])) {
                add(out, Op.DELETED, a.get(i++)); // deletions first: "<del>old</del><ins>new</ins>"
            } else {
                add(out, Op.INSERTED, b.get(j++));
            }
        }
        return out;
    }

    /** Merges runs of the same operation, so "Protection Council" -> "Security Council" is one deletion and one insertion. */
    private static void add(List<Piece> out, Op op, String text) {
        if (!out.isEmpty() && out.get(out.size() - 1).op() == op) {
            Piece last = out.remove(out.size() - 1);
            out.add(new Piece(op, last.text() + text));
        } else {
            out.add(new Piece(op, text));
        }
    }

    /** Words (letters, digits, apostrophes), single other characters and runs of whitespace. */
    static List<String> words(String s) {
        List<String> out = new ArrayList<>();
        int i = 0;
        while (i < s.length()) {
            int j = i + 1;
            char c = s.charAt(i);
            if (Character.isLetterOrDigit(c)) {
                while (j < s.length() && (Character.isLetterOrDigit(s.charAt(j)) || s.charAt(j) == '\'' || s.charAt(j) == '\u2019')) {
                    j++;
                }
            } else if (Character.isWhitespace(c)) {
                while (j < s.length() && Character.isWhitespace(s.charAt(j))) {
                    j++;
                }
            }
            out.add(s.substring(i, j));
            i = j;
        }
        return out;
    }
}
