package org.despin.data.corpus;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.despin.DespinException;

/**
 * Technical prose that builds on any machine with Maven: the documentation comments of the source
 * jars ({@code sources} classifier) of libraries of many fields of science and engineering, chosen by
 * field and licence (Apache-2.0, MIT or BSD-style, one LGPL jar mined for terms only; never by the
 * terms they hold): machine learning, statistics, numerics and optimisation, vision, language
 * processing and retrieval, databases and distributed data, messaging and coordination, cloud
 * services, cryptography, geometry, geodesy and earth-observation metadata, astrodynamics,
 * sequencing data, finance, medicine and health care, physical units, chemistry (the fields and
 * licences: docs/detector.md, "More fields of science and engineering" and "Everyday scientific
 * vocabulary"). The build copies the pinned jars into despin-data's own jar under
 * {@value #FOLDER} (see despin-data's pom; versions in the parent pom), so they are read as resources
 * like the Europarl sample. Each {@code .java} and {@code .scala} file goes through
 * {@link DocCommentProse}; entries are read in the jar's order, so the same jars give the same
 * sentences.
 */
public final class DocumentationJars {
    /** Where the build puts the jars, inside despin-data's jar. */
    public static final String FOLDER = "org/despin/data/docs/";

    /**
     * The source jars read, as Maven coordinates {@code group:artifact:version} (classifier
     * {@code sources}); keep in step with despin-data's pom. The first 11 are those of stop 11, the
     * next 23 of stop 12 (branch terms2), the last 10 of stop 17 (branch terms3).
     */
    public static final List<String> ARTIFACTS = List.of(
            "org.apache.spark:spark-mllib_2.13:4.0.1",
            "org.apache.spark:spark-graphx_2.13:4.0.1",
            "org.apache.commons:commons-math3:3.6.1",
            "org.apache.opennlp:opennlp-tools:2.5.0",
            "org.deeplearning4j:deeplearning4j-nn:1.0.0-M2.1",
            "org.nd4j:nd4j-api:1.0.0-M2.1",
            "org.tribuo:tribuo-core:4.3.1",
            "org.tribuo:tribuo-math:4.3.1",
            "org.tribuo:tribuo-classification-core:4.3.1",
            "org.tribuo:tribuo-regression-core:4.3.1",
            "org.tribuo:tribuo-clustering-kmeans:4.3.1",
            "org.boofcv:boofcv-ip:1.2.2",
            "org.boofcv:boofcv-feature:1.2.2",
            "org.boofcv:boofcv-geo:1.2.2",
            "org.boofcv:boofcv-recognition:1.2.2",
            "org.apache.commons:commons-statistics-descriptive:1.2",
            "org.apache.commons:commons-statistics-distribution:1.3",
            "org.apache.commons:commons-statistics-inference:1.2",
            "org.ejml:ejml-core:0.46.1",
            "org.ejml:ejml-ddense:0.46.1",
            "org.ojalgo:ojalgo:57.1.0",
            "io.jenetics:jenetics:9.0.0",
            "ai.djl:api:0.38.0",
            "org.apache.mahout:mahout-mr:0.13.0",
            "org.apache.lucene:lucene-analysis-common:9.12.3",
            "org.apache.calcite:calcite-core:1.42.0",
            "org.apache.flink:flink-core:2.3.0",
            "org.apache.hadoop:hadoop-common:3.5.0",
            "org.bouncycastle:bcprov-jdk18on:1.80",
            "org.locationtech.jts:jts-core:1.20.0",
            "org.apache.sis.core:sis-referencing:1.4",
            "org.orekit:orekit:13.1.8",
            "com.github.samtools:htsjdk:4.3.0",
            "org.ta4j:ta4j-core:0.18",
            "ca.uhn.hapi.fhir:org.hl7.fhir.r4:6.6.7",
            "com.github.haifengl:smile-core:1.5.3",
            "com.github.haifengl:smile-math:1.5.3",
            "org.apache.kafka:kafka-clients:4.3.1",
            "org.apache.zookeeper:zookeeper:3.9.5",
            "org.apache.jclouds:jclouds-core:2.6.0",
            "org.apache.jclouds:jclouds-compute:2.6.0",
            "org.apache.sis.core:sis-metadata:1.4",
            "tech.units:indriya:2.2");

    private DocumentationJars() {
    }

    /** What the model records of its inputs: every jar's coordinate with the SHA-256 of its bytes. */
    public static List<Provenance> provenance() throws DespinException {
        List<Provenance> out = new ArrayList<>();
        for (String coordinate : ARTIFACTS) {
            out.add(resource(coordinate).provenance());
        }
        return out;
    }

    /** The resource of one coordinate: {@code FOLDER + artifact-version-sources.jar}. */
    public static PackagedResource resource(String coordinate) {
        String[] gav = coordinate.split(":");
        return new PackagedResource(coordinate + ":sources", FOLDER + gav[1] + "-" + gav[2] + "-sources.jar");
    }

    /**
     * The distinct prose sentences of all jars of {@link #ARTIFACTS}, in reading order. A sentence
     * repeated word for word (the same description on every overload, generated parameter
     * documentation: "Param for the column name.") counts once, so boilerplate does not pass for a
     * frequent term.
     */
    public static List<String> distinctSentences() throws DespinException {
        LinkedHashSet<String> out = new LinkedHashSet<>();
        sentences(out::add);
        return new ArrayList<>(out);
    }

    /** Opens the source jar of a coordinate. */
    @FunctionalInterface
    public interface JarOpener {
        InputStream open(String coordinate) throws DespinException, IOException;
    }

    /**
     * The distinct prose sentences of all jars of {@link #ARTIFACTS}, grouped by project (the Maven
     * group of the jar, so the four BoofCV jars are one source), projects in the order of the list:
     * the same sentences as {@link #distinctSentences}, each under the project that has it first.
     */
    public static List<List<String>> distinctSentencesByProject() throws DespinException {
        return distinctSentencesByProject(ARTIFACTS, c -> resource(c).open());
    }

    /** As {@link #distinctSentencesByProject()}, for the jars of {@code coordinates} opened by {@code jars}. */
    public static List<List<String>> distinctSentencesByProject(List<String> coordinates, JarOpener jars)
            throws DespinException {
        Set<String> seen = new HashSet<>();
        Map<String, List<String>> byGroup = new LinkedHashMap<>();
        for (String coordinate : coordinates) {
            List<String> group = byGroup.computeIfAbsent(coordinate.split(":")[0], g -> new ArrayList<>());
            try (InputStream in = jars.open(coordinate)) {
                sentences(in, s -> {
                    if (seen.add(s)) {
                        group.add(s);
                    }
                });
            } catch (IOException e) {
                throw new DespinException(DespinException.Kind.MODEL, "cannot read the source jar of " + coordinate + ": "
                        + e.getMessage(), e);
            }
        }
        return new ArrayList<>(byGroup.values());
    }

    /** Every prose sentence of every jar of {@link #ARTIFACTS}, jar by jar. */
    public static void sentences(Consumer<String> sink) throws DespinException {
        for (String coordinate : ARTIFACTS) {
            PackagedResource resource = resource(coordinate);
            try (InputStream in = resource.open()) {
                sentences(in, sink);
            } catch (IOException e) {
                throw new DespinException(DespinException.Kind.MODEL, "cannot read " + resource.path() + " of "
                        + resource.artifact() + ": " + e.getMessage(), e);
            }
        }
    }

    /** The prose sentences of the Java and Scala files of one source jar. */
    public static void sentences(InputStream jar, Consumer<String> sink) throws IOException {
        ZipInputStream zip = new ZipInputStream(jar, StandardCharsets.UTF_8);
        for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
            String name = e.getName();
            if (!e.isDirectory() && (name.endsWith(".java") || name.endsWith(".scala"))) {
                String source = new String(zip.readAllBytes(), StandardCharsets.UTF_8);
                DocCommentProse.sentences(source).forEach(sink);
            }
        }
    }
}
