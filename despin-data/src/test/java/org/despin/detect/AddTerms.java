package org.despin.detect;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.despin.data.ComponentBuild;
import org.despin.data.lexicon.TermBuild;
import org.despin.lexicon.TermFormat;
import org.despin.model.ModelFile;

/**
 * Development shortcut: copies a built model's sections and metadata to a new file and adds a
 * freshly built terms section (seconds instead of a full model build). Usage: {@code AddTerms IN OUT};
 * {@code -Dterms.docMinCount=N -Dterms.docMinPmi=X -Dterms.docMinSources=S} mine the doc-comment prose at other limits.
 */
final class AddTerms {
    private AddTerms() {
    }

    public static void main(String[] args) throws Exception {
        ModelFile in = ModelFile.open(Path.of(args[0]));
        ComponentBuild terms = TermBuild.build(new TermBuild.Limits(
                Double.parseDouble(System.getProperty("terms.minPmi", "" + TermBuild.Limits.DEFAULT.minPmiLog10())),
                Double.parseDouble(System.getProperty("terms.minJoint", "" + TermBuild.Limits.DEFAULT.minJointLog10())),
                Double.parseDouble(System.getProperty("terms.gatedMinJoint", "" + TermBuild.Limits.DEFAULT.gatedMinJointLog10()))),
                new org.despin.data.lexicon.TechnicalTerms.Limits(
                        Integer.getInteger("terms.docMinCount", TermBuild.DOCUMENTATION_LIMITS.minCount()),
                        Double.parseDouble(System.getProperty("terms.docMinPmi",
                                "" + TermBuild.DOCUMENTATION_LIMITS.minPmiLog10())),
                        Integer.getInteger("terms.docMinSources", TermBuild.DOCUMENTATION_LIMITS.minSources())),
                Boolean.getBoolean("terms.technical")
                        ? org.despin.data.lexicon.TechnicalTerms.packages(org.despin.data.DataPaths.defaultCache())
                        : java.util.List.of(),
                Boolean.parseBoolean(System.getProperty("terms.links", "true"))
                        ? new org.despin.data.DataPaths(org.despin.data.DataPaths.defaultCache())
                                .npmPackage(org.despin.data.DataPaths.MOBY).resolve("words.txt")
                        : null);
        Map<String, String> meta = new LinkedHashMap<>(in.info().metadata());
        // the terms' keys last, in the order the build gives them (as DefaultModelBuilder writes them):
        // then the output has the same bytes as a full build of the same code
        meta.keySet().removeIf(k -> k.startsWith("terms."));
        meta.putAll(terms.metadata());
        try (ModelFile.Writer w = new ModelFile.Writer(Path.of(args[1]))) {
            for (String name : in.sectionNames()) {
                if (name.equals(TermFormat.SECTION)) {
                    continue;
                }
                w.section(name, ModelFile.SectionBody.copyOf(in.section(name)));
            }
            w.section(terms.sectionName(), terms.body());
            w.finish(meta);
        }
    }
}
