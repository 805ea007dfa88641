package org.despin.source;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.apache.lucene.codecs.lucene90.Lucene90StoredFieldsFormat;
import org.apache.lucene.codecs.lucene912.Lucene912Codec;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.index.Term;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.despin.DespinException;

/**
 * Adds sources to an on-disk source index, creating it when the folder is new or empty.
 * Incremental: opening an existing index appends to it, and adding an id that is already there
 * replaces that source. Not thread-safe; one writer per index at a time (Lucene's write lock
 * refuses a second one).
 *
 * <pre>{@code
 * try (SourceIndexWriter w = SourceIndexWriter.open(dir, Restorer.IDENTITY)) {
 *     w.add("story-1.txt", text);
 * }   // commits
 * }</pre>
 */
public final class SourceIndexWriter implements Closeable {
    private static final FieldType SHINGLE_FIELD = shingleFieldType();

    private final Path path;
    private final Directory directory;
    private final IndexWriter writer;
    private final Restorer restorer;
    private final FingerprintSettings settings;
    private long added;

    private SourceIndexWriter(Path path, Directory directory, IndexWriter writer, Restorer restorer,
            FingerprintSettings settings) {
        this.path = path;
        this.directory = directory;
        this.writer = writer;
        this.restorer = restorer;
        this.settings = settings;
    }

    /** Opens (or creates) the index in {@code dir} with the default fingerprint settings for a new index. */
    public static SourceIndexWriter open(Path dir, Restorer restorer) throws DespinException {
        return open(dir, restorer, FingerprintSettings.DEFAULT);
    }

    /**
     * Opens the index in {@code dir}, creating the folder and a new index with {@code settings}
     * when there is none; an existing index keeps its own settings.
     *
     * @throws DespinException (MODEL) when the folder holds an index of another format or
     *     program; (OUTPUT) when the folder cannot be created or written
     */
    public static SourceIndexWriter open(Path dir, Restorer restorer, FingerprintSettings settings)
            throws DespinException {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new DespinException(DespinException.Kind.OUTPUT, "cannot create index folder " + dir + ": " + e.getMessage(), e);
        }
        Directory directory = null;
        try {
            directory = FSDirectory.open(dir);
            FingerprintSettings effective = settings;
            boolean exists = DirectoryReader.indexExists(directory);
            if (exists) {
                Map<String, String> data = SegmentInfos.readLatestCommit(directory).getUserData();
                effective = SourceIndex.checkFormat(dir, data);
                String builtWith = data.getOrDefault(SourceIndex.RESTORER_KEY, "identity");
                if (!builtWith.equals(restorer.name())) {
                    throw new DespinException(DespinException.Kind.USAGE, "source index " + dir
                            + " was built with the '" + builtWith + "' restorer, not '" + restorer.name()
                            + "': add to it the same way it was built, or build a new index");
                }
            }
            IndexWriterConfig config = new IndexWriterConfig()
                    .setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND)
                    .setCodec(new Lucene912Codec(Lucene912Codec.Mode.BEST_COMPRESSION))
                    .setRAMBufferSizeMB(64)
                    .setCommitOnClose(true);
            IndexWriter writer = new IndexWriter(directory, config);
            SourceIndexWriter w = new SourceIndexWriter(dir, directory, writer, restorer, effective);
            w.setCommitData();
            return w;
        } catch (IOException e) {
            closeQuietly(directory);
            throw new DespinException(DespinException.Kind.OUTPUT, "cannot open source index " + dir + " for writing: "
                    + e.getMessage() + (e instanceof org.apache.lucene.store.LockObtainFailedException
                            ? " (another 'despin index' is writing to it)" : ""), e);
        } catch (DespinException e) {
            closeQuietly(directory);
            throw e;
        }
    }

    /** Adds a source, or replaces the source already indexed under {@code id}. */
    public void add(String id, String text) throws DespinException {
        TextProfile profile = TextProfile.of(text, restorer);
        Document doc = new Document();
        doc.add(new StringField(SourceIndex.FIELD_ID, id, Field.Store.YES));
        doc.add(new StoredField(SourceIndex.FIELD_TEXT, text));
        String findings = SourceIndex.encodeFindings(profile.findings());
        if (findings != null) {
            doc.add(new StoredField(SourceIndex.FIELD_FINDINGS, findings));
        }
        doc.add(new Field(SourceIndex.FIELD_IMMUTABLE, new TermListTokenStream(profile.immutableShingles(settings)),
                SHINGLE_FIELD));
        doc.add(new Field(SourceIndex.FIELD_RESTORED, new TermListTokenStream(profile.restoredShingles(settings)),
                SHINGLE_FIELD));
        doc.add(new Field(SourceIndex.FIELD_BASELINE, new TermListTokenStream(profile.baselineShingles(settings)),
                SHINGLE_FIELD));
        try {
            writer.updateDocument(new Term(SourceIndex.FIELD_ID, id), doc);
            added++;
        } catch (IOException e) {
            throw new DespinException(DespinException.Kind.OUTPUT, "cannot write to source index " + path + ": " + e.getMessage(), e);
        }
    }

    /** Makes what was added so far durable and visible to readers. */
    public void commit() throws DespinException {
        try {
            setCommitData();
            writer.commit();
        } catch (IOException e) {
            throw new DespinException(DespinException.Kind.OUTPUT, "cannot commit source index " + path + ": " + e.getMessage(), e);
        }
    }

    /** Sources added (or replaced) through this writer. */
    public long added() {
        return added;
    }

    /** Sources in the index, counting what was added but not yet committed. */
    public long size() {
        return writer.getDocStats().numDocs;
    }

    public FingerprintSettings settings() {
        return settings;
    }

    /** Commits and closes. */
    @Override
    public void close() throws IOException {
        try {
            setCommitData();
            writer.close();
        } finally {
            directory.close();
        }
    }

    private void setCommitData() {
        Map<String, String> data = new HashMap<>(settings.toCommitData());
        data.put(SourceIndex.FORMAT_KEY, Integer.toString(SourceIndex.FORMAT_VERSION));
        data.put(SourceIndex.RESTORER_KEY, restorer.name());
        writer.setLiveCommitData(data.entrySet());
    }

    private static FieldType shingleFieldType() {
        FieldType t = new FieldType();
        t.setIndexOptions(IndexOptions.DOCS);
        t.setTokenized(true);
        t.setOmitNorms(true);
        t.setStored(false);
        t.freeze();
        return t;
    }

    private static void closeQuietly(Directory d) {
        if (d != null) {
            try {
                d.close();
            } catch (IOException ignored) {
                // the error being reported matters more
            }
        }
    }
}
