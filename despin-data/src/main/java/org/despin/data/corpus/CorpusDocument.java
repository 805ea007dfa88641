package org.despin.data.corpus;

/**
 * One document of a training or evaluation corpus.
 *
 * @param corpus the corpus name ("sotu", "brown", "europarl", "wordnet-examples")
 * @param id an id unique within the corpus and stable across versions of this code
 * @param text plain running text (markup and tags removed)
 */
public record CorpusDocument(String corpus, String id, String text) {
    /**
     * True for the documents held out from every model build, for evaluation: a fixed 10 %
     * chosen by a hash of corpus and id, so that the split never depends on reading order.
     */
    public boolean heldOut() {
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        crc.update((corpus + "/" + id).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return crc.getValue() % 10 == 0;
    }
}
