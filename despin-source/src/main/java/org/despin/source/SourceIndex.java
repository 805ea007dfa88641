package org.despin.source;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexCommit;
import org.apache.lucene.index.IndexNotFoundException;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.despin.DespinException;
import org.despin.detect.Finding;

/**
 * An embedded on-disk source index opened for searching. Thread-safe: one instance serves every
 * query thread. Holds the fingerprint settings and the restorer name the index was built with.
 *
 * <p>Layout (format {@value #FORMAT_VERSION}): one Lucene document per source with a stored
 * {@code id} (also indexed, so that re-adding an id replaces it), the text stored compressed, the
 * restorer's findings stored as JSON when there are any, and three fields of hashed shingles:
 * {@code imm} (immutables), {@code rst} (restored lemmas) and {@code w} (plain words, for the
 * baseline). The format version and settings live in the commit user data.
 */
public final class SourceIndex implements Closeable {
    /** The format this code writes and reads. Bump it when fields or shingling change. */
    public static final int FORMAT_VERSION = 1;

    static final String FORMAT_KEY = "despin.source.format";
    static final String RESTORER_KEY = "despin.source.restorer";
    static final String FIELD_ID = "id";
    static final String FIELD_TEXT = "text";
    static final String FIELD_FINDINGS = "findings";
    static final String FIELD_IMMUTABLE = "imm";
    static final String FIELD_RESTORED = "rst";
    static final String FIELD_BASELINE = "w";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path path;
    private final Directory directory;
    private final DirectoryReader reader;
    private final IndexSearcher searcher;
    private final FingerprintSettings settings;
    private final String restorerName;

    private SourceIndex(Path path, Directory directory, DirectoryReader reader, FingerprintSettings settings,
            String restorerName) {
        this.path = path;
        this.directory = directory;
        this.reader = reader;
        this.searcher = new IndexSearcher(reader);
        this.settings = settings;
        this.restorerName = restorerName;
    }

    /**
     * Opens the index in {@code dir} for searching.
     *
     * @throws DespinException (MODEL) when the folder is missing, holds no index, holds an index of
     *     another format version or of another program, or holds no documents
     */
    public static SourceIndex open(Path dir) throws DespinException {
        Directory directory = null;
        try {
            directory = openDirectory(dir);
            DirectoryReader reader = DirectoryReader.open(directory);
            Map<String, String> data = reader.getIndexCommit().getUserData();
            FingerprintSettings settings = checkFormat(dir, data);
            if (reader.numDocs() == 0) {
                reader.close();
                throw new DespinException(DespinException.Kind.MODEL, "source index " + dir
                        + " is empty: add documents with 'despin index PATH... --out " + dir + "'");
            }
            return new SourceIndex(dir, directory, reader, settings, data.getOrDefault(RESTORER_KEY, "identity"));
        } catch (IndexNotFoundException e) {
            closeQuietly(directory);
            throw new DespinException(DespinException.Kind.MODEL, "no source index in " + dir
                    + " (the folder holds no index files): build one with 'despin index PATH... --out " + dir + "'");
        } catch (IOException e) {
            closeQuietly(directory);
            throw new DespinException(DespinException.Kind.MODEL, "cannot read source index " + dir + ": "
                    + e.getMessage() + "; rebuild it with 'despin index PATH... --out NEW_DIR'", e);
        } catch (DespinException e) {
            closeQuietly(directory);
            throw e;
        }
    }

    static Directory openDirectory(Path dir) throws DespinException, IOException {
        if (!Files.exists(dir)) {
            throw new DespinException(DespinException.Kind.MODEL, "no source index at " + dir
                    + " (no such folder): build one with 'despin index PATH... --out " + dir + "'");
        }
        if (!Files.isDirectory(dir)) {
            throw new DespinException(DespinException.Kind.MODEL, dir + " is a file, not a source index folder");
        }
        return FSDirectory.open(dir);
    }

    /** Checks the commit data of an existing index and returns its settings. */
    static FingerprintSettings checkFormat(Path dir, Map<String, String> data) throws DespinException {
        String version = data.get(FORMAT_KEY);
        if (version == null) {
            throw new DespinException(DespinException.Kind.MODEL, dir
                    + " holds a Lucene index that despin did not write (no format marker): point --index at a"
                    + " folder made by 'despin index', or build one with 'despin index PATH... --out NEW_DIR'");
        }
        if (!version.equals(Integer.toString(FORMAT_VERSION))) {
            throw new DespinException(DespinException.Kind.MODEL, "source index " + dir + " has format version "
                    + version + ", this despin reads version " + FORMAT_VERSION
                    + ": rebuild it with 'despin index PATH... --out NEW_DIR' (or use the despin that built it)");
        }
        try {
            return FingerprintSettings.fromCommitData(data);
        } catch (IllegalArgumentException e) {
            throw new DespinException(DespinException.Kind.MODEL, "source index " + dir
                    + " has damaged settings (" + e.getMessage() + "): rebuild it with 'despin index PATH... --out NEW_DIR'");
        }
    }

    /** The fingerprint settings the index was built with. */
    public FingerprintSettings settings() {
        return settings;
    }

    /** The name of the restorer the sources were fingerprinted with. */
    public String restorerName() {
        return restorerName;
    }

    /** Number of sources. */
    public int size() {
        return reader.numDocs();
    }

    public Path path() {
        return path;
    }

    IndexSearcher searcher() {
        return searcher;
    }

    /** A stored source by Lucene document number. */
    StoredSource load(StoredFields fields, int doc) throws IOException {
        Document d = fields.document(doc);
        return new StoredSource(d.get(FIELD_ID), d.get(FIELD_TEXT), decodeFindings(d.get(FIELD_FINDINGS)));
    }

    /** A stored source by id, or null. */
    public StoredSource get(String id) throws IOException {
        TopDocs hits = searcher.search(new TermQuery(new Term(FIELD_ID, id)), 1);
        if (hits.scoreDocs.length == 0) {
            return null;
        }
        return load(searcher.storedFields(), hits.scoreDocs[0].doc);
    }

    @Override
    public void close() throws IOException {
        reader.close();
        directory.close();
    }

    /** Folder size in bytes (all index files of the current commit). */
    public long sizeOnDisk() throws IOException {
        IndexCommit commit = reader.getIndexCommit();
        long total = 0;
        for (String f : commit.getFileNames()) {
            total += directory.fileLength(f);
        }
        return total;
    }

    static String encodeFindings(List<Finding> findings) {
        if (findings.isEmpty()) {
            return null;
        }
        ArrayNode arr = JSON.createArrayNode();
        for (Finding f : findings) {
            arr.addArray().add(f.start()).add(f.end()).add(f.suggestion());
        }
        try {
            return JSON.writeValueAsString(arr);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot encode findings", e);
        }
    }

    static List<Finding> decodeFindings(String json) throws IOException {
        if (json == null) {
            return List.of();
        }
        List<Finding> out = new ArrayList<>();
        for (JsonNode f : JSON.readTree(json)) {
            out.add(new Finding(f.get(0).asInt(), f.get(1).asInt(), "", f.get(2).asText(), 1.0, List.of(), "restorer"));
        }
        return out;
    }

    private static void closeQuietly(Closeable c) {
        if (c != null) {
            try {
                c.close();
            } catch (IOException ignored) {
                // the error being reported matters more
            }
        }
    }
}
