package org.despin.data.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.despin.DespinException;
import org.despin.data.lexicon.TechnicalTerms;
import org.despin.lexicon.WordClass;
import org.junit.jupiter.api.Test;

class DocCommentProseTest {
    private static final String JAVA = """
            /*
             * Licensed to the Apache Software Foundation (ASF) under one or more
             * contributor license agreements.
             */
            package org.example;

            /**
             * Licensed under the Apache License, Version 2.0: a doc comment that is a licence header.
             */
            /**
             * A <em>random forest</em> classifier: an ensemble of decision trees.
             * Each tree is trained on a bootstrap sample of the data &amp; a random
             * subset of the features.
             *
             * <p>The number of trees is set with {@code numTrees}; see {@link Forest#fit the fit method}
             * or {@link Forest}.
             * <pre>
             *   Forest f = new Forest(10);
             *   f.fit(data);
             * </pre>
             * Short one.
             * @param numTrees the number of trees in the forest
             * @return a new forest
             */
            public class Forest {
                /** Returns the out-of-bag error, $\\frac{1}{n} \\sum_i e_i$ over all samples. */
                double oob() { return 0; } /* not a doc comment: never read. */
            }
            """;

    private static final String SCALA = """
            /**
             * :: Experimental ::
             * Logistic regression with `elasticNetParam` and [[LinearModel]] features, e.g.
             * {{{
             *   val lr = new LogisticRegression()
             * }}}
             * Fits the model by gradient descent
             * - with early stopping
             */
            class LogisticRegression
            """;

    @Test
    void javadocKeepsTheSentencesOfProseOnly() {
        assertEquals(List.of(
                "A random forest classifier: an ensemble of decision trees.",
                "Each tree is trained on a bootstrap sample of the data & a random subset of the features.",
                "The number of trees is set with ; ; see the fit method or ; .",
                "Returns the out-of-bag error, ; over all samples."), DocCommentProse.sentences(JAVA));
    }

    @Test
    void scaladocLosesCodeBlocksBackticksAndLinks() {
        assertEquals(List.of(
                "Logistic regression with ; and ; features, e.g.",
                "Fits the model by gradient descent - with early stopping"), DocCommentProse.sentences(SCALA));
    }

    /**
     * The shape of the generated model sources of the FHIR jar (branch terms3): a BSD licence header in a
     * plain block comment, a doc comment per class, per enum constant and per field, annotations whose
     * strings ({@code shortDefinition}, {@code formalDefinition}) are no doc comments and are never read.
     */
    private static final String FHIR = """
            package org.hl7.fhir.r4.model;

            /*
              Copyright (c) 2011+, HL7, Inc.
              All rights reserved.
              Redistribution and use in source and binary forms, with or without modification,
              are permitted provided that the following conditions are met:
            */

            // Generated on Tue, May 12, 2020 07:26+1000 for FHIR v4.0.1
            import ca.uhn.fhir.model.api.annotation.Description;

            /**
             * Measurements and simple assertions made about a patient, device or other
             * subject.
             */
            @ResourceDef(name = "Observation", profile = "http://hl7.org/fhir/StructureDefinition/Observation")
            public class Observation extends DomainResource {
              public enum ObservationStatus {
                /**
                 * The existence of the observation is registered, but there is no result yet
                 * available.
                 */
                REGISTERED,
                /**
                 * added to help the parsers with the generic types
                 */
                NULL;
              }
              /**
               * The blood pressure of the patient, measured at rest by a care provider.
               */
              @Child(name = "value", type = {Quantity.class}, order = 1, min = 0, max = 1)
              @Description(shortDefinition = "Actual result", formalDefinition = "The information determined as a result.")
              protected Type value;
            }
            """;

    @Test
    void generatedModelSourcesGiveTheirDocCommentsOnly() {
        assertEquals(List.of(
                "Measurements and simple assertions made about a patient, device or other subject.",
                "The existence of the observation is registered, but there is no result yet available.",
                "added to help the parsers with the generic types",
                "The blood pressure of the patient, measured at rest by a care provider."),
                DocCommentProse.sentences(FHIR));
    }

    @Test
    void aGeneratedModelJarIsMinedForItsTermsOnly() throws DespinException {
        // four enum constants of a generated code system, each with its definition, and one annotation string that is
        // no doc comment: "blood pressure" is in four distinct sentences, "care provider" in one, "heart rate" only in
        // the annotation
        String codes = """
                /*
                  Copyright (c) 2011+, HL7, Inc. All rights reserved. The blood pressure licence text.
                */
                public enum VitalSigns {
                  /** The blood pressure of the patient at rest. */
                  RESTING,
                  /** A blood pressure taken by a care provider. */
                  TAKEN,
                  /** Each blood pressure reading has a unit. */
                  READING,
                  /** The last blood pressure in the record. */
                  LAST;
                  @Description(shortDefinition = "heart rate", formalDefinition = "The heart rate of the patient.")
                  protected Type rate;
                }
                """;
        List<List<String>> prose = DocumentationJars.distinctSentencesByProject(List.of("org.hl7:codes:1"),
                c -> new ByteArrayInputStream(jar(codes)));
        assertEquals(List.of(List.of("The blood pressure of the patient at rest.", "A blood pressure taken by a care provider.",
                "Each blood pressure reading has a unit.", "The last blood pressure in the record.")), prose);
        int noun = WordClass.NOUN.bit();
        Map<String, Integer> classes = Map.of("blood", noun, "pressure", noun, "patient", noun, "care", noun,
                "provider", noun, "reading", noun | WordClass.VERB.bit(), "unit", noun, "record", noun, "rest", noun,
                "heart", noun);
        // 30 words: "blood pressure" 4 times, log10(4 * 30 / (4 * 4)) = 0.875; nothing else is seen 4 times
        assertEquals(List.of("blood pressure"), List.copyOf(TechnicalTerms.mineSources(prose, classes,
                new TechnicalTerms.Limits(4, 0.87))));
        assertEquals(List.of(), List.copyOf(TechnicalTerms.mineSources(prose, classes, new TechnicalTerms.Limits(4, 0.88))));
        assertEquals(List.of(), List.copyOf(TechnicalTerms.mineSources(prose, classes, new TechnicalTerms.Limits(5, 0.5))));
    }

    @Test
    void plainTextEndsAtTheFirstBlockTag() {
        assertEquals("Sum of the values.\n", DocCommentProse.plain(" * Sum of the values.\n * @return the sum\n * more"));
    }

    @Test
    void entitiesAreDecodedAndBadOnesBecomeSpaces() {
        assertEquals("a < b \u2019 c   d", DocCommentProse.plain("a &lt; b &#8217; c &#99999999999; d"));
    }

    @Test
    void aSourceJarGivesTheSentencesOfItsJavaAndScalaFilesInOrder() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            entry(zip, "META-INF/MANIFEST.MF", "Manifest-Version: 1.0\n");
            entry(zip, "org/example/Forest.java", JAVA);
            entry(zip, "org/example/notes.txt", "/** A doc comment in a text file is not read at all. */");
            entry(zip, "org/example/LogisticRegression.scala", SCALA);
        }
        List<String> out = new ArrayList<>();
        DocumentationJars.sentences(new ByteArrayInputStream(bytes.toByteArray()), out::add);
        List<String> expected = new ArrayList<>(DocCommentProse.sentences(JAVA));
        expected.addAll(DocCommentProse.sentences(SCALA));
        assertEquals(expected, out);
        assertEquals(6, out.size());
    }

    @Test
    void sentencesAreGroupedByProjectAndCountedOnce() throws DespinException {
        Map<String, byte[]> jars = new HashMap<>();
        jars.put("org.a:one:1", jar("/** Shared sentence in project a here. A random forest of trees grows. */ class A {}"));
        jars.put("org.a:two:1", jar("/** A random forest of trees grows. Second jar of project a only. */ class B {}"));
        jars.put("org.b:three:2", jar("/** Shared sentence in project a here. Project b says its own thing. */ class C {}"));
        List<List<String>> byProject = DocumentationJars.distinctSentencesByProject(
                List.of("org.a:one:1", "org.a:two:1", "org.b:three:2"), c -> new ByteArrayInputStream(jars.get(c)));
        // the jars of a group are one project; a sentence seen before (in any project) is not repeated
        assertEquals(List.of(List.of("Shared sentence in project a here.", "A random forest of trees grows.",
                "Second jar of project a only."), List.of("Project b says its own thing.")), byProject);
    }

    private static byte[] jar(String java) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            entry(zip, "X.java", java);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    @Test
    void everyListedJarIsInTheBuildOutput() throws DespinException {
        // the pom copies the jars and DocumentationJars names them: the two lists must agree
        for (String coordinate : DocumentationJars.ARTIFACTS) {
            assertEquals(64, DocumentationJars.resource(coordinate).provenance().sha256().length(), coordinate);
        }
    }

    private static void entry(ZipOutputStream zip, String name, String text) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(text.getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
    }
}
