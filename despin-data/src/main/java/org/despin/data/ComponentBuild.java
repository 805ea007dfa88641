package org.despin.data;

import java.util.Map;
import org.despin.model.ModelFile;

/**
 * One built component of a model (the language model, the lexicon): the section it writes and
 * the metadata it adds (inputs, versions, checksums, sizes).
 *
 * @param sectionName the section's name in the {@link ModelFile}
 * @param body writes the section
 * @param metadata entries for the model's build metadata, keys prefixed by the component ("lm.", "lexicon.")
 */
public record ComponentBuild(String sectionName, ModelFile.SectionBody body, Map<String, String> metadata) {
}
