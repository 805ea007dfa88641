package org.despin.source.bench;

import java.util.ArrayList;
import java.util.List;
import org.despin.text.Document;
import org.despin.text.Sentence;
import org.despin.text.Token;

/**
 * Cuts a corpus into passages of whole sentences: a passage closes as soon as it reaches the
 * target word count, and never runs past the maximum unless a single sentence does. Consecutive
 * short documents of one corpus (WordNet examples are one sentence each) are joined, separated
 * by a blank line, so every passage has at least the minimum word count (the rest is dropped).
 */
final class PassageSplitter {
    record Passage(String id, String text, int words) {
    }

    private final int target;
    private final int min;
    private final String idPrefix;
    private final List<Passage> out = new ArrayList<>();
    private final StringBuilder current = new StringBuilder();
    private int words;
    private String firstDocId;

    PassageSplitter(String idPrefix, int target, int min) {
        this.idPrefix = idPrefix;
        this.target = target;
        this.min = min;
    }

    void add(String docId, String text) {
        Document doc = Document.parse(text);
        boolean newDocument = true;
        for (Sentence s : doc.sentences()) {
            if (s.size() == 0) {
                continue;
            }
            Token first = doc.tokens().get(s.firstToken());
            Token last = doc.tokens().get(s.endToken() - 1);
            String sentence = text.substring(first.start(), last.end()).strip();
            int n = 0;
            for (int t = s.firstToken(); t < s.endToken(); t++) {
                if (doc.tokens().get(t).isWord()) {
                    n++;
                }
            }
            if (n == 0) {
                continue;
            }
            if (current.length() > 0) {
                current.append(newDocument ? "\n\n" : " ");
            } else {
                firstDocId = docId;
            }
            newDocument = false;
            current.append(sentence);
            words += n;
            if (words >= target) {
                flush();
            }
        }
    }

    private void flush() {
        if (words >= min) {
            out.add(new Passage(idPrefix + firstDocId + "#" + out.size(), current.toString(), words));
        }
        current.setLength(0);
        words = 0;
    }

    List<Passage> finish() {
        flush();
        return out;
    }
}
