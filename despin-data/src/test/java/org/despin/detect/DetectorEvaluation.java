package org.despin.detect;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.despin.data.DataPaths;
import org.despin.data.corpus.Corpus;
import org.despin.data.corpus.CorpusDocument;
import org.despin.data.corpus.DefaultCorpora;
import org.despin.lexicon.TitleCaseNames;
import org.despin.model.Model;
import org.despin.model.Models;
import org.despin.spin.Edit;
import org.despin.spin.SpinOptions;
import org.despin.spin.SpinResult;
import org.despin.spin.SpinThesaurus;
import org.despin.spin.Spinner;
import org.despin.text.Document;
import org.despin.text.Sentence;
import org.despin.text.Token;
import org.despin.text.TokenType;

/**
 * The detector's development evaluation on HELD-OUT documents of the default corpora (never the
 * training part), spun by our own spinner with MyThes, a thesaurus the detector does not read.
 * Prints the quality table of docs/detector.md and, with {@code fit}, refits the document-score
 * coefficients. A command-line tool for development, not a unit test; run it as docs/detector.md
 * says:
 *
 * <pre>
 *   java -cp ... org.despin.detect.DetectorEvaluation MODEL [eval|fit|fitarcs|sweep|speed|show|missed] [passages]
 * </pre>
 */
public final class DetectorEvaluation {
    private DetectorEvaluation() {
    }

    public static void main(String[] args) throws Exception {
        Path modelPath = Path.of(args[0]);
        String mode = args.length > 1 ? args[1] : "eval";
        int passages = args.length > 2 && !mode.startsWith("example") ? Integer.parseInt(args[2]) : 200;
        DataPaths paths = new DataPaths(DataPaths.defaultCache());
        Model model = args[0].equals("dev") ? DevModel.load(Path.of("/tmp/despin-dev")) : Models.load(modelPath);
        // -DtitleNames=FILE (TitleCasePairs): a title-case span is restored only to a pair written as a name there
        // instead of the model's names section; -DtitleNames=none: no names list (every pair may be a name).
        // The settings start from the defaults for the names used (DetectorSettings.defaultsFor).
        String titleNames = System.getProperty("titleNames");
        if (titleNames != null) {
            model = new Model(model.lm(), model.lexicon(), model.info(), model.terms(), titleNames.equals("none")
                    ? TitleCaseNames.UNKNOWN : TitleCasePairs.read(Path.of(titleNames), Integer.getInteger("titleNamesMin", 1)));
        }
        // -DchannelWeights="alpha,mutual,wordnet,inverseOnly,twoHop,lengthChange,observedPick,similar,generic": the
        // lexicon read with other ChannelWeights (they are applied when the lexicon is read: no rebuild)
        String channel = System.getProperty("channelWeights");
        if (channel != null && !args[0].equals("dev")) {
            double[] c = java.util.Arrays.stream(channel.split(",")).mapToDouble(Double::parseDouble).toArray();
            org.despin.lexicon.ChannelWeights weights = new org.despin.lexicon.ChannelWeights(c[0], c[1], c[2], c[3], c[4],
                    c[5], c[6], c[7], c[8]);
            model = new Model(model.lm(), org.despin.lexicon.LexiconFormat.read(org.despin.model.ModelFile.open(modelPath),
                    weights), model.info(), model.terms(), model.names());
            System.out.println("channel weights " + weights);
        }
        // -DevalFoldLm=true (with -DfoldLm): read the held-out sets with the fold LM, i.e. the default LM trained on four
        // fifths of its own corpora' training documents: what less (or, read backwards, more) LM data is worth (stop 31)
        // (the settings stay the default model's: the fold LM's metadata would select older defaults)
        DetectorSettings evalSettings = settingsFromProperties(model);
        if (Boolean.getBoolean("evalFoldLm")) {
            model = FoldModel.forFitting(model, paths);
            System.out.println("held-out sets read with the fold LM " + System.getProperty("foldLm"));
        }
        Detector detector = new Detector(model, evalSettings);
        if (mode.equals("fitarcs")) {
            ArcFitting.fit(model, detector.settings(), paths, passages);
            return;
        }
        if (mode.equals("fitfindings")) {
            FindingFitting.fit(model, detector.settings(), paths, passages);
            return;
        }
        if (mode.equals("findingbands")) { // the unspun finding model's threshold by length, on training passages
            FindingBandFitting.run(model, detector.settings(), paths, passages);
            return;
        }
        if (mode.equals("shortfit")) { // the spun threshold by length, on clean training passages (ShortThresholdFitting)
            ShortThresholdFitting.run(model, detector.settings(), paths, passages);
            return;
        }
        if (mode.equals("fiterrors")) { // `errors` on fit-fold passages spun by the training spinners (branch coverage30)
            Model fitModel = FoldModel.forFitting(model, paths);
            List<String> fitPassages = passages(ArcFitting.trainingText(paths, System.getProperty("foldLm") != null), 200, 300,
                    passages);
            ErrorAnalysis.runFit(new Detector(fitModel, detector.settings()), fitPassages, TrainingSpinners.load(paths, model.lm()));
            return;
        }
        if (mode.equals("fitchoice")) { // the reading choice among a flagged span's readings (ReadingChoice)
            ReadingChoiceFitting.fit(model, detector.settings(), paths, passages);
            return;
        }
        if (mode.equals("exampleerrors")) { // the error analysis of `errors` on a spun file with its alignment
            Path spunFile = Path.of(args.length > 2 ? args[2] : "examples/spun-news.txt");
            Path tsv = Path.of(spunFile.toString().replaceAll("\\.txt$", ".alignment.tsv"));
            ErrorAnalysis.example(detector, java.nio.file.Files.readString(spunFile, java.nio.charset.StandardCharsets.UTF_8),
                    org.despin.spin.Alignment.parse(java.nio.file.Files.readString(tsv, java.nio.charset.StandardCharsets.UTF_8),
                            tsv.toString()));
            return;
        }
        if (mode.equals("bench")) { // the CLI's bench (rates 0.1, 0.3, seed 1, MyThes) with these settings: N = --max-docs
            // (100-150 words; -Dbench=technical the technical pages) -- trees25, to bench trees without a build
            List<String> docs = "technical".equals(System.getProperty("bench"))
                    ? org.despin.data.spin.BenchDocuments.technicalPassages(paths, 100, 150, passages)
                    : org.despin.data.spin.BenchDocuments.heldOutPassages(paths, 100, 150, passages);
            org.despin.spin.Spinner spinner = new org.despin.spin.Spinner(
                    org.despin.data.spin.SpinThesauri.load("mythes", paths), org.despin.spin.SpinOptions.DEFAULTS);
            org.despin.eval.BenchOptions options = new org.despin.eval.BenchOptions(List.of(0.1, 0.3), List.of(1L),
                    org.despin.eval.BenchOptions.DEFAULTS.thresholds());
            System.out.print(new org.despin.eval.Bench(text -> detector.check(text, CheckOptions.DEFAULTS), spinner, options)
                    .run(docs).toTable());
            return;
        }
        if (mode.equals("benchdump")) { // -Dbench=technical|news -DbenchDump=FILE: the bench's documents' features
            benchDump(detector, paths, passages);
            return;
        }
        if (mode.equals("example")) {
            example(detector, Path.of(args.length > 2 ? args[2] : "examples/spun-news.txt"));
            return;
        }
        // -Dspinner=moby: the same-thesaurus figures (label them so); default MyThes, which the detector does not read
        SpinThesaurus thesaurus = "moby".equals(System.getProperty("spinner"))
                ? org.despin.data.spin.SpinThesauri.load("moby", paths) : DevMyThes.load(paths.cache());
        // -Dtexts=modern|old: only the held-out documents of that text type (see TextGroup), else all
        List<Labelled> heldOut = TextGroup.select(heldOutDocuments(paths), System.getProperty("texts", "all"));
        // -Dskip=N: the passages after the first N (a fresh set to check an operating point chosen on the first N)
        int skip = Integer.getInteger("skip", 0);
        List<Labelled> labelled250 = labelledPassages(heldOut, 200, 300, skip + passages);
        labelled250 = labelled250.subList(Math.min(skip, labelled250.size()), labelled250.size());
        List<Labelled> labelled150 = labelledPassages(heldOut, 100, 150, skip + passages);
        labelled150 = labelled150.subList(Math.min(skip, labelled150.size()), labelled150.size());
        List<String> long250 = texts(labelled250);
        List<String> short150 = texts(labelled150);
        System.out.printf(Locale.ROOT, "held-out passages: %d of 200-300 words, %d of 100-150 words%n",
                long250.size(), short150.size());
        switch (mode) {
            case "fit" -> fit(model, detector.settings(), thesaurus, paths, passages);
            case "sweep" -> {
                for (String config : System.getProperty("sweep").split(";")) {
                    DetectorSettings.Builder b = settingsFromProperties(model).with();
                    for (String kv : config.split(",")) {
                        String[] f = kv.split("=");
                        set(b, f[0].trim(), f[1].trim());
                    }
                    System.out.println("## " + config);
                    Detector d = new Detector(model, b.build());
                    clean(d, labelled250);
                    spun(d, thesaurus, long250);
                    if (System.getProperty("sweepDocs") != null) {
                        documents(d, thesaurus, labelled150);
                    }
                }
            }
            case "shortclean" -> { // -Dwords=10-60: clean held-out passages of that many words (sentences joined)
                String[] range = System.getProperty("words", "10-60").split("-");
                List<Labelled> shortClean = labelledPassages(heldOut, Integer.parseInt(range[0]), Integer.parseInt(range[1]),
                        skip + passages);
                clean(detector, shortClean.subList(Math.min(skip, shortClean.size()), shortClean.size()));
            }
            case "shortspun" -> { // -Dwords=20-60: held-out passages of that many words, spun at 0.3 (P / R / F1, exact)
                String[] range = System.getProperty("words", "20-60").split("-");
                List<Labelled> shortText = labelledPassages(heldOut, Integer.parseInt(range[0]), Integer.parseInt(range[1]),
                        skip + passages);
                spun(detector, thesaurus, texts(shortText.subList(Math.min(skip, shortText.size()), shortText.size())));
            }
            case "speed" -> speed(detector, speedPassages(thesaurus, long250)); // -DspeedSpun=0.3: spun passages
            case "show" -> show(detector, thesaurus, long250);
            case "missed" -> missed(detector, thesaurus, long250);
            case "errors" -> ErrorAnalysis.run(detector, thesaurus, long250); // why edits are not restored exactly
            // the same on the technical bench's passages (100-150 words of Debian's scientific Python documentation,
            // scripts/fetch-debian-data --technical): term findings where real technical terms are spun word by word
            case "techerrors" -> ErrorAnalysis.run(detector, thesaurus,
                    org.despin.data.spin.BenchDocuments.technicalPassages(paths, 100, 150, passages));
            case "poolscreen" -> ErrorAnalysis.poolScreen(detector, thesaurus, long250); // other pool rankings, counted
            case "priorfit" -> PriorFitting.run(model, detector, paths, thesaurus, long250, passages); // the pool's prior
            case "poolctx" -> PoolContextScreen.run(detector, thesaurus, long250); // pools chosen in context, counted
            case "docstudy" -> DocumentFeatureStudy.run(model, detector.settings(), thesaurus, labelled150, paths,
                    passages); // candidate document-score features as TSV (-Dstudy=fit: the fit fold)
            case "topicstudy" -> { // the document's topic as evidence (TopicStudy, branch topic)
                Path ex = Path.of("examples/spun-news.txt");
                Path tsv = Path.of("examples/spun-news.alignment.tsv");
                TopicStudy.run(detector, thesaurus, long250, paths, ex, org.despin.spin.Alignment.parse(
                        java.nio.file.Files.readString(tsv, java.nio.charset.StandardCharsets.UTF_8), tsv.toString()));
            }
            case "findingpoints" -> FindingOperatingPoints.run(detector, thesaurus, labelled250, long250,
                    Path.of("examples/spun-news.txt")); // the finding model's thresholds in one pass
            default -> eval(detector, thesaurus, labelled250, labelled150, mode);
        }
    }

    /**
     * Settings from -Dname=value system properties named like the {@link DetectorSettings} components,
     * over the defaults for {@code model} ({@link DetectorSettings#defaultsFor}: with or without names).
     */
    static DetectorSettings settingsFromProperties(Model model) {
        DetectorSettings.Builder b = DetectorSettings.defaultsFor(model).with();
        for (java.lang.reflect.Method m : DetectorSettings.Builder.class.getMethods()) {
            String v = System.getProperty("d." + m.getName());
            if (v == null || m.getParameterCount() != 1
                    || !(m.getParameterTypes()[0] == int.class || m.getParameterTypes()[0] == double.class)) {
                continue;
            }
            try {
                Class<?> t = m.getParameterTypes()[0];
                m.invoke(b, t == int.class ? (Object) Integer.parseInt(v) : (Object) Double.parseDouble(v));
            } catch (ReflectiveOperationException e) {
                throw new IllegalArgumentException(m.getName(), e);
            }
        }
        String arcs = System.getProperty("arcModel"); // "w0,w1,...;trainingRate", as fitarcs prints them
        if (arcs != null) {
            String[] parts = arcs.split(";");
            b.arcModel(new ArcModel(java.util.Arrays.stream(parts[0].split(",")).mapToDouble(v -> Double.parseDouble(v.trim()))
                    .toArray(), Double.parseDouble(parts[1])));
        }
        String poolPrior = System.getProperty("poolPrior"); // "w0,...,w10" as priorfit prints them, "fitted" or "legacy"
        if (poolPrior != null) {
            b.poolPrior(switch (poolPrior) {
                case "legacy" -> PoolPrior.LEGACY;
                case "fitted" -> PoolPrior.FITTED;
                case "off" -> null;
                default -> PoolPrior.parse(poolPrior);
            });
        }
        String findingBands = System.getProperty("findingBands"); // "150:0.43,200:0.41" or "off"
        if (findingBands != null) {
            b.findingBands("off".equals(findingBands) ? null : FindingBands.parse(findingBands));
        }
        String findings = System.getProperty("findingModel"); // "w0,...;bias" as fitfindings prints them, or "off"
        if ("off".equals(findings)) {
            b.findingModel(null); // the decode's posteriors decide, as before the finding model
        } else if (findings != null) {
            String[] parts = findings.split(";");
            b.findingModel(new FindingModel(findingWeights(parts[0]), Double.parseDouble(parts[1])));
        }
        String spunFindings = System.getProperty("spunFindingModel"); // the same for documents called spun
        if (spunFindings != null) {
            String[] parts = spunFindings.split(";");
            b.spunFindingModel("off".equals(spunFindings) ? null
                    : new FindingModel(findingWeights(parts[0]), Double.parseDouble(parts[1])));
        }
        String shortFindings = System.getProperty("shortFindingModel"); // the same for documents under 100 words
        if (shortFindings != null) {
            String[] parts = shortFindings.split(";");
            b.shortFindingModel("off".equals(shortFindings) ? null
                    : new FindingModel(findingWeights(parts[0]), Double.parseDouble(parts[1])));
        }
        // the finding model of widened uncertain documents: "spun:T" (SPUN's weights) or "defaults:T" (findingModel's) at
        // threshold T, or "w0,...;bias"
        String uncertainFindings = System.getProperty("uncertainFindingModel");
        if (uncertainFindings != null) {
            DetectorSettings base = b.build();
            String[] kind = uncertainFindings.split(":");
            if (kind.length == 2) {
                FindingModel m = kind[0].equals("spun") ? base.spunFindingModel() : base.findingModel();
                double t = Double.parseDouble(kind[1]);
                b.uncertainFindingModel(m.withBias(-Math.log(t / (1 - t))));
            } else {
                String[] parts = uncertainFindings.split(";");
                b.uncertainFindingModel(new FindingModel(findingWeights(parts[0]), Double.parseDouble(parts[1])));
            }
        }
        // -DfindingT=T: findingModel at threshold T (its weights and trees kept)
        String findingT = System.getProperty("findingT");
        if (findingT != null) {
            double t = Double.parseDouble(findingT);
            b.findingModel(b.build().findingModel().withBias(-Math.log(t / (1 - t))));
        }
        // -DspunT=T: spunFindingModel at threshold T (its weights kept)
        String spunT = System.getProperty("spunT");
        if (spunT != null) {
            double t = Double.parseDouble(spunT);
            b.spunFindingModel(b.build().spunFindingModel().withBias(-Math.log(t / (1 - t))));
        }
        // boosted trees on the finding models (TreeFitting's file format, FindingTrees; "off": none): -DfindingTrees for
        // findingModel and uncertainFindingModel (DEFAULTS' weights), -DspunFindingTrees for spunFindingModel
        String findingTrees = System.getProperty("findingTrees");
        String spunFindingTrees = System.getProperty("spunFindingTrees");
        if (findingTrees != null || spunFindingTrees != null) {
            DetectorSettings base = b.build();
            if (findingTrees != null && base.findingModel() != null) {
                FindingTrees trees = readTrees(findingTrees);
                b.findingModel(base.findingModel().withTrees(trees));
                // -DuncertainTrees=false: the widened uncertain documents keep the logistic model
                if (base.uncertainFindingModel() != null && !"false".equals(System.getProperty("uncertainTrees"))) {
                    b.uncertainFindingModel(base.uncertainFindingModel().withTrees(trees));
                }
            }
            if (spunFindingTrees != null && base.spunFindingModel() != null) {
                b.spunFindingModel(base.spunFindingModel().withTrees(readTrees(spunFindingTrees)));
            }
        }
        String spunBands = System.getProperty("spunBands"); // "40:0.97,60:0.95,100:0.91" (SpunBands), or "off"
        if (spunBands != null) {
            b.spunBands("off".equals(spunBands) ? null : SpunBands.parse(spunBands));
        }
        String docScore = System.getProperty("docScore"); // "w0,...", as fit prints them
        if (docScore != null) {
            b.score(DocumentScorer.Coefficients.of(java.util.Arrays.stream(docScore.split(","))
                    .mapToDouble(v -> Double.parseDouble(v.trim())).toArray()));
        }
        // the verdict score (the report's score and verdict, which the decode does not read): -DverdictScore="w0,..." as
        // fit prints them, or "routing" (none: the routing score's, as before branch verdict26), or "forms"
        // (VerdictScore.WITH_FORMS, branch verdict29, with its thresholds), or "twopiece" (VerdictScore.TWO_PIECE);
        // -Dv.spunThreshold=S,
        // -Dv.cleanThreshold=C its thresholds (of the defaults' verdict score, or of the routing score's where none)
        String verdictScore = System.getProperty("verdictScore");
        if (verdictScore != null) {
            b.verdictScore("routing".equals(verdictScore) ? null : "forms".equals(verdictScore) ? VerdictScore.WITH_FORMS
                    : "twopiece".equals(verdictScore) ? VerdictScore.TWO_PIECE
                    : b.build().verdictScoreOrRouting().withCoefficients(
                    DocumentScorer.Coefficients.of(java.util.Arrays.stream(verdictScore.split(","))
                            .mapToDouble(v -> Double.parseDouble(v.trim())).toArray())));
        }
        // -DverdictForms="w1,...,w5[,w6]": weights of VerdictForms' summaries (prodTop3, prodMean, prodHighPer100, linksTop3,
        // linksMean) and of rarePer100 in the verdict score's logit, or "off" (none read); branch verdict29
        String verdictForms = System.getProperty("verdictForms");
        if (verdictForms != null) {
            double[] f = "off".equals(verdictForms) ? null : java.util.Arrays.stream(verdictForms.split(","))
                    .mapToDouble(v -> Double.parseDouble(v.trim())).toArray();
            b.verdictScore(b.build().verdictScoreOrRouting().withForms(f == null ? null
                    : new VerdictScore.Forms(f[0], f[1], f[2], f[3], f[4], f.length > 5 ? f[5] : 0)));
        }
        String vSpun = System.getProperty("v.spunThreshold");
        String vClean = System.getProperty("v.cleanThreshold");
        if (vSpun != null || vClean != null) {
            VerdictScore v = b.build().verdictScoreOrRouting();
            b.verdictScore(v.withThresholds(vSpun != null ? Double.parseDouble(vSpun) : v.spunThreshold(),
                    vClean != null ? Double.parseDouble(vClean) : v.cleanThreshold()));
        }
        String termEvidence = System.getProperty("termEvidence"); // "w0,...", as TermArcStudy's fit gives them, or "off"
        if (termEvidence != null) {
            b.termEvidence(termEvidence.equals("off") ? null : new TermEvidence(java.util.Arrays.stream(termEvidence.split(","))
                    .mapToDouble(v -> Double.parseDouble(v.trim())).toArray()));
        }
        if (System.getProperty("handSet") != null) {
            b.arcModel(null); // the hand-set channel of before the arc model, for comparison
        }
        DetectorSettings s = b.build();
        System.out.println(s);
        return s;
    }

    static void set(DetectorSettings.Builder b, String name, String value) {
        for (java.lang.reflect.Method m : DetectorSettings.Builder.class.getMethods()) {
            if (!m.getName().equals(name) || m.getParameterCount() != 1) {
                continue;
            }
            Class<?> t = m.getParameterTypes()[0];
            try {
                if (t == int.class) {
                    m.invoke(b, Integer.parseInt(value));
                    return;
                } else if (t == double.class) {
                    m.invoke(b, Double.parseDouble(value));
                    return;
                }
            } catch (ReflectiveOperationException e) {
                throw new IllegalArgumentException(name, e);
            }
        }
        throw new IllegalArgumentException("no setting " + name);
    }

    /** A text with the {@link TextGroup} of the document it comes from. */
    record Labelled(TextGroup group, String text) {
    }

    static List<String> texts(List<Labelled> labelled) {
        return labelled.stream().map(Labelled::text).toList();
    }

    /** Held-out documents of SOTU, Brown and Europarl, in the corpora's fixed order. */
    static List<String> heldOutText(DataPaths paths) throws Exception {
        return texts(heldOutDocuments(paths));
    }

    /** Held-out documents of SOTU, Brown and Europarl with their text groups, in the corpora's fixed order. */
    static List<Labelled> heldOutDocuments(DataPaths paths) throws Exception {
        List<Labelled> out = new ArrayList<>();
        for (Corpus c : DefaultCorpora.all(paths)) {
            if (c.name().startsWith("wordnet")) {
                continue; // single example sentences, not running text
            }
            for (CorpusDocument d : DefaultCorpora.heldOut(c)) {
                out.add(new Labelled(TextGroup.of(d), d.text()));
            }
        }
        return out;
    }

    /** Whole-sentence passages of min..max words, taken round-robin over documents. */
    static List<String> passages(List<String> docs, int min, int max, int limit) {
        return texts(labelledPassages(docs.stream().map(t -> new Labelled(null, t)).toList(), min, max, limit));
    }

    /** Whole-sentence passages of min..max words, taken round-robin over documents, each with its document's group. */
    static List<Labelled> labelledPassages(List<Labelled> docs, int min, int max, int limit) {
        List<List<Labelled>> perDoc = new ArrayList<>();
        for (Labelled labelledDoc : docs) {
            String text = labelledDoc.text();
            List<Labelled> ps = new ArrayList<>();
            Document doc = Document.parse(text);
            StringBuilder cur = new StringBuilder();
            int words = 0;
            for (Sentence s : doc.sentences()) {
                int w = 0;
                for (int t = s.firstToken(); t < s.endToken(); t++) {
                    TokenType type = doc.tokens().get(t).type();
                    w += type == TokenType.WORD || type == TokenType.NUMBER ? 1 : 0;
                }
                if (s.size() == 0) {
                    continue;
                }
                if (words + w > max) {
                    cur.setLength(0);
                    words = 0;
                    if (w > max) {
                        continue;
                    }
                }
                String st = text.substring(doc.tokens().get(s.firstToken()).start(), doc.tokens().get(s.endToken() - 1).end());
                cur.append(cur.length() > 0 ? " " : "").append(st.replaceAll("\\s+", " "));
                words += w;
                if (words >= min) {
                    ps.add(new Labelled(labelledDoc.group(), cur.toString()));
                    cur.setLength(0);
                    words = 0;
                }
            }
            if (!ps.isEmpty()) {
                perDoc.add(ps);
            }
        }
        List<Labelled> out = new ArrayList<>();
        for (int round = 0; out.size() < limit; round++) {
            boolean any = false;
            for (List<Labelled> ps : perDoc) {
                if (round < ps.size() && out.size() < limit) {
                    out.add(ps.get(round));
                    any = true;
                }
            }
            if (!any) {
                break;
            }
        }
        return out;
    }

    /**
     * A spun file with its alignment ({@code X.txt} and {@code X.alignment.tsv}, as {@code despin spin}
     * writes them): edits flagged (a finding overlaps the edit), false flags (findings on no edit),
     * exact restorations.
     */
    /** Trees from a file in FindingTrees' format, or none for "off". */
    static FindingTrees readTrees(String file) {
        if (file.equals("off")) {
            return null;
        }
        try (java.io.Reader r = java.nio.file.Files.newBufferedReader(Path.of(file))) {
            return FindingTrees.read(r, file);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /**
     * Finding-model weights as fitfindings prints them; a vector printed before features were added at the end
     * (21 features before branch names2's stored orders) gets weight 0 for those.
     */
    static double[] findingWeights(String list) {
        double[] w = java.util.Arrays.stream(list.split(",")).mapToDouble(v -> Double.parseDouble(v.trim())).toArray();
        return w.length < FindingModel.SIZE + 1 ? java.util.Arrays.copyOf(w, FindingModel.SIZE + 1) : w;
    }

    static void example(Detector detector, Path spunFile) throws Exception {
        String text = java.nio.file.Files.readString(spunFile, java.nio.charset.StandardCharsets.UTF_8);
        Path tsv = Path.of(spunFile.toString().replaceAll("\\.txt$", ".alignment.tsv"));
        // a clean example has no alignment file: no edits, the verdict and score are what it is read for
        List<Edit> edits = !java.nio.file.Files.exists(tsv) ? List.of() : org.despin.spin.Alignment.parse(
                java.nio.file.Files.readString(tsv, java.nio.charset.StandardCharsets.UTF_8), tsv.toString());
        Report r = detector.check(text, CheckOptions.DEFAULTS);
        long flagged = edits.stream().filter(e -> r.findings().stream()
                .anyMatch(f -> f.start() < e.end() && e.start() < f.end())).count();
        long falseFlags = r.findings().stream().filter(f -> edits.stream()
                .noneMatch(e -> f.start() < e.end() && e.start() < f.end())).count();
        int exact = org.despin.eval.Metrics.exactRestorations(text, edits, r.findings());
        System.out.printf(Locale.ROOT, "%s: %d words, %d edits; %d findings; edits flagged %d (%.1f %%), false flags %d, "
                + "exact restorations %d (%.1f %% of edits); verdict %s, score %.2f%n", spunFile, r.tokens(), edits.size(),
                r.findings().size(), flagged, 100.0 * flagged / Math.max(1, edits.size()), falseFlags, exact,
                100.0 * exact / Math.max(1, edits.size()), r.verdict(), r.spinScore());
        for (Finding f : r.findings()) {
            // -DexampleWhy=true: each finding marked FALSE (on no edit) or with the edit's original, and its evidence
            if (Boolean.getBoolean("exampleWhy")) {
                Edit on = edits.stream().filter(e -> f.start() < e.end() && e.start() < f.end()).findFirst().orElse(null);
                System.out.printf(Locale.ROOT, "  %s -> %s %.2f %s | %s%n", f.text(), f.suggestion(), f.confidence(),
                        on == null ? "FALSE" : "[" + on.original() + "]", f.evidence());
            } else {
                System.out.printf(Locale.ROOT, "  %s -> %s %.2f%n", f.text(), f.suggestion(), f.confidence());
            }
        }
    }

    /** Prints findings on clean passages (all false flags) and on spun ones next to the true edits. */
    static void show(Detector detector, SpinThesaurus thesaurus, List<String> passages) {
        int seed = 0;
        for (String p : passages) {
            Report r = detector.check(p, CheckOptions.DEFAULTS);
            for (Finding f : r.findings()) {
                System.out.printf(Locale.ROOT, "CLEAN-FLAG %s -> %s %.2f | %s%n", f.text(), f.suggestion(), f.confidence(), f.evidence());
            }
            SpinResult s = new Spinner(thesaurus, SpinOptions.of(0.3, ++seed)).spin(p);
            Report rs = detector.check(s.spunText(), CheckOptions.DEFAULTS);
            for (Edit e : s.edits()) {
                Finding hit = rs.findings().stream().filter(f -> f.start() < e.end() && e.start() < f.end()).findFirst().orElse(null);
                System.out.printf(Locale.ROOT, "EDIT %s <- %s : %s%n", e.spun(), e.original(),
                        hit == null ? "missed" : hit.suggestion() + String.format(Locale.ROOT, " %.2f", hit.confidence()));
            }
            for (Finding f : rs.findings()) {
                if (s.edits().stream().noneMatch(e -> f.start() < e.end() && e.start() < f.end())) {
                    System.out.printf(Locale.ROOT, "SPUN-FALSE %s -> %s %.2f | %s%n", f.text(), f.suggestion(), f.confidence(), f.evidence());
                }
            }
        }
    }

    /** For edits the lexicon covers but the detector misses: what the detector says at confidence 0. */
    static void missed(Detector detector, SpinThesaurus thesaurus, List<String> passages) {
        int seed = 0;
        for (String p : passages) {
            SpinResult s = new Spinner(thesaurus, SpinOptions.of(0.3, ++seed)).spin(p);
            Report rs = detector.check(s.spunText(), CheckOptions.DEFAULTS.withMinConfidence(0));
            for (Edit e : s.edits()) {
                String spunNormal = String.join(" ", Document.parse(e.spun()).tokens().stream()
                        .filter(t -> t.type() == TokenType.WORD).map(Token::normal).toList());
                String origNormal = String.join(" ", Document.parse(e.original()).tokens().stream()
                        .filter(t -> t.type() == TokenType.WORD).map(Token::normal).toList());
                List<org.despin.lexicon.Candidate> cands = detector.model().lexicon().candidates(spunNormal);
                int rank = -1;
                for (int i = 0; i < cands.size(); i++) {
                    if (cands.get(i).original().equals(origNormal)) {
                        rank = i;
                    }
                }
                if (rank < 0) {
                    continue;
                }
                Finding hit = rs.findings().stream().filter(f -> f.start() < e.end() && e.start() < f.end()).findFirst().orElse(null);
                int a = Math.max(0, e.start() - 40);
                int b = Math.min(s.spunText().length(), e.end() + 40);
                System.out.printf(Locale.ROOT, "%s <- %s (rank %d of %d) in '...%s...': %s%n", e.spun(), e.original(), rank,
                        cands.size(), s.spunText().substring(a, b).replace('\n', ' '),
                        hit == null ? "NOT ON BEST PATH" : hit.suggestion() + String.format(Locale.ROOT, " %.2f ", hit.confidence()) + hit.evidence());
            }
        }
    }

    /** Words per second of CPU time on this thread, after one warm-up pass over the same passages. */
    /**
     * The passages of the speed mode: as they are, or with {@code -DspeedSpun=R} spun at rate R (MyThes, the
     * seeds of the spun set), to time what only documents called spun pay for (a widened boosted decode).
     */
    static List<String> speedPassages(SpinThesaurus thesaurus, List<String> passages) {
        String rate = System.getProperty("speedSpun");
        if (rate == null) {
            return passages;
        }
        Spinner spinner = new Spinner(thesaurus, SpinOptions.of(Double.parseDouble(rate), 7));
        List<String> out = new ArrayList<>(passages.size());
        int seed = 0;
        for (String p : passages) {
            out.add(spinner.withOptions(SpinOptions.of(Double.parseDouble(rate), ++seed)).spin(p).spunText());
        }
        return out;
    }

    static void speed(Detector detector, List<String> passages) {
        java.lang.management.ThreadMXBean bean = java.lang.management.ManagementFactory.getThreadMXBean();
        for (int pass = 0; pass < 3; pass++) {
            long words = 0;
            long cpu0 = bean.getCurrentThreadCpuTime();
            long wall0 = System.nanoTime();
            for (String p : passages) {
                words += detector.check(p, CheckOptions.DEFAULTS).tokens();
            }
            double cpu = (bean.getCurrentThreadCpuTime() - cpu0) / 1e9;
            double wall = (System.nanoTime() - wall0) / 1e9;
            System.out.printf(Locale.ROOT, "pass %d: %d words, %.0f words/s of CPU time (%.0f words/s wall)%n", pass, words,
                    words / cpu, words / wall);
        }
    }

    static void eval(Detector detector, SpinThesaurus thesaurus, List<Labelled> long250, List<Labelled> short150, String mode) {
        boolean all = mode.equals("eval");
        if (all || mode.contains("clean")) {
            clean(detector, long250);
        }
        if (all || mode.contains("spun")) {
            spun(detector, thesaurus, texts(long250));
        }
        if (all || mode.contains("docs")) {
            documents(detector, thesaurus, short150);
        }
        if (all || mode.contains("tortured")) {
            TorturedPhrases.evaluate(detector, thesaurus);
        }
    }

    /** Clean-text counts of one group of passages. */
    static final class CleanCounts {
        int passages;
        long words;
        int flags;
        int calledSpun;

        void add(Report r) {
            passages++;
            words += r.tokens();
            flags += r.findings().size();
            calledSpun += r.verdict() == Verdict.SPUN ? 1 : 0;
        }

        String line(String label) {
            return String.format(Locale.ROOT, "  %-32s %4d passages %6d words %5d flags %5.2f flags/100 words %5.1f %% called spun",
                    label, passages, words, flags, 100.0 * flags / Math.max(1, words), 100.0 * calledSpun / Math.max(1, passages));
        }
    }

    /** Flags on clean passages, in all and per {@link TextGroup}, and the modern calibration set's total. */
    static void clean(Detector detector, List<Labelled> long250) {
        CleanCounts total = new CleanCounts();
        CleanCounts modern = new CleanCounts();
        java.util.Map<TextGroup, CleanCounts> byGroup = new java.util.EnumMap<>(TextGroup.class);
        long t0 = System.nanoTime();
        List<Double> scores = new ArrayList<>();
        String dump = System.getProperty("cleanDump"); // every passage's features, words and score: other fits offline
        StringBuilder rows = new StringBuilder("label\tgroup\tmodern\t" + String.join("\t", DocumentScorer.FEATURES)
                + "\t" + String.join("\t", STUDY_FEATURES) + "\twords\tscore\n");
        for (Labelled p : long250) {
            Detector.Analysis a = detector.analyse(p.text(), CheckOptions.DEFAULTS);
            Report r = a.report();
            scores.add(r.spinScore());
            rows.append(0).append('\t').append(p.group()).append('\t').append(p.group() != null && p.group().modern);
            for (double v : DocumentScorer.vector(a.features())) {
                rows.append('\t').append(v);
            }
            for (double v : study(a.features(), a.report())) {
                rows.append('\t').append(v);
            }
            rows.append('\t').append(a.features().words()).append('\t').append(r.spinScore()).append('\n');
            total.add(r);
            if (Boolean.getBoolean("showFlags")) { // -DshowFlags=true: every clean flag, to see what a change adds
                // spun29: the passage's routing score first (>= spunThreshold: SPUN decided its findings)
                // (band29: and its verdict score)
                System.out.printf(Locale.ROOT, "DOC routing %.3f, verdict %.3f, %d flags%n",
                        detector.trace(p.text(), CheckOptions.DEFAULTS).routingScore(), r.spinScore(), r.findings().size());
                for (Finding f : r.findings()) {
                    System.out.println("FLAG " + f.text() + " -> " + f.suggestion() + " | " + f.evidence());
                }
            }
            if (p.group() != null) {
                byGroup.computeIfAbsent(p.group(), g -> new CleanCounts()).add(r);
                if (p.group().modern) {
                    modern.add(r);
                }
            }
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        if (dump != null) {
            try {
                java.nio.file.Files.writeString(Path.of(dump), rows, java.nio.charset.StandardCharsets.UTF_8);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        System.out.printf(Locale.ROOT, "clean: %d passages, %d words, %.2f flags/100 words, %.1f %% called spun, %.0f words/s%n",
                total.passages, total.words, 100.0 * total.flags / total.words, 100.0 * total.calledSpun / total.passages,
                total.words / seconds);
        for (java.util.Map.Entry<TextGroup, CleanCounts> e : byGroup.entrySet()) {
            System.out.println(e.getValue().line(e.getKey().label));
        }
        System.out.println(modern.line("modern (calibration set)"));
        System.out.println(total.line("all"));
        scores.sort(null);
        System.out.printf(Locale.ROOT, "clean 200-300-word spin-score quantiles: 0.50 %.3f, 0.90 %.3f, 0.98 %.3f%n",
                scores.get(scores.size() / 2), scores.get((int) (0.9 * scores.size())), scores.get((int) (0.98 * scores.size())));
    }

    static void spun(Detector detector, SpinThesaurus thesaurus, List<String> long250) {
        SpanCounts c = new SpanCounts();
        Spinner spinner = new Spinner(thesaurus, SpinOptions.of(0.3, 7));
        int seed = 0;
        for (String p : long250) {
            SpinResult s = spinner.withOptions(SpinOptions.of(0.3, ++seed)).spin(p);
            Report r = detector.check(s.spunText(), CheckOptions.DEFAULTS);
            c.add(s, r);
            for (Edit e : s.edits()) {
                String spunNormal = String.join(" ", Document.parse(e.spun()).tokens().stream()
                        .filter(t -> t.type() == TokenType.WORD).map(Token::normal).toList());
                String origNormal = String.join(" ", Document.parse(e.original()).tokens().stream()
                        .filter(t -> t.type() == TokenType.WORD).map(Token::normal).toList());
                if (detector.model().lexicon().candidates(spunNormal).stream().anyMatch(k -> k.original().equals(origNormal))) {
                    c.covered++;
                }
            }
        }
        c.print("spun 0.3");
    }

    /** Features the score does not read, written beside its own in the dumps (branch docscore21's study). */
    /** Dumped after the score's features: the register and the candidates by span and level (branch verdict26). */
    static final List<String> STUDY_FEATURES = java.util.stream.Stream.of(java.util.stream.Stream.of("register"),
            CandidateEvidence.FEATURES.stream(), java.util.stream.Stream.of("findingsPer100", "findingConfidencePer100",
                    "topFindingConfidence", "findingsAbove80Per100")).flatMap(x -> x).toList();

    /** The study's columns: the register, the candidate evidence, and what the report's findings say (per 100 tokens). */
    static double[] study(DocumentFeatures f, Report r) {
        double[] e = f.candidateEvidence().vector();
        double[] out = new double[1 + e.length + 4];
        out[0] = f.register();
        System.arraycopy(e, 0, out, 1, e.length);
        double per100 = r.tokens() == 0 ? 0 : 100.0 / r.tokens();
        double sum = 0;
        double top = 0;
        int sure = 0;
        for (Finding x : r.findings()) {
            sum += x.confidence();
            top = Math.max(top, x.confidence());
            sure += x.confidence() >= 0.8 ? 1 : 0;
        }
        out[1 + e.length] = r.findings().size() * per100;
        out[2 + e.length] = sum * per100;
        out[3 + e.length] = top;
        out[4 + e.length] = sure * per100;
        return out;
    }

    /**
     * The passages of {@code despin bench} ({@code -Dbench=technical}: {@code --technical}, else the held-out news
     * and encyclopedia passages; 100-150 words; at most {@code maxDocs}, spread evenly as the CLI does), clean and
     * spun by MyThes at 0.1 and 0.3 with the bench's seed 1 per document ({@link org.despin.eval.Bench#documentSeed};
     * a spin without edits left out, as the bench does), every document's features, words, score and verdict written
     * to {@code -DbenchDump=FILE}: the bench's AUROC and verdict F1 of another document score, offline.
     */
    static void benchDump(Detector detector, DataPaths paths, int maxDocs) throws Exception {
        boolean technical = "technical".equals(System.getProperty("bench"));
        // -DbenchSkip=N (technical only): the passages after the bench's first N of the same order, a fresh technical set
        int skipBench = Integer.getInteger("benchSkip", 0);
        List<String> all = technical ? org.despin.data.spin.BenchDocuments.technicalPassages(paths, 100, 150, skipBench + maxDocs)
                : org.despin.data.spin.BenchDocuments.heldOutPassages(paths, 100, 150, maxDocs);
        all = all.subList(Math.min(skipBench, all.size()), all.size());
        List<String> passages = new ArrayList<>();
        for (int i = 0; i < Math.min(maxDocs, all.size()); i++) {
            passages.add(all.size() <= maxDocs ? all.get(i) : all.get((int) ((long) i * all.size() / maxDocs)));
        }
        if (technical) { // passages and pages per package: which turns of BenchDocuments' order hold which package
            for (Path root : org.despin.data.lexicon.TechnicalTerms.packages(paths.cache())) {
                int pages = 0;
                int count = 0;
                for (List<String> page : org.despin.data.lexicon.TechnicalTerms.proseParagraphs(root, 25)) {
                    pages++;
                    count += org.despin.eval.Passages.split(String.join("\n\n", page), 100, 150).size();
                }
                System.out.printf(Locale.ROOT, "%s: %d pages, %d passages of 100-150 words%n", root.getFileName(), pages, count);
            }
        }
        Spinner spinner = new Spinner(org.despin.data.spin.SpinThesauri.load("mythes", paths), SpinOptions.DEFAULTS);
        StringBuilder rows = new StringBuilder("label\trate\t" + String.join("\t", DocumentScorer.FEATURES) + "\t"
                + String.join("\t", STUDY_FEATURES) + "\t" + String.join("\t", WidenedEvidence.FEATURES)
                + "\twords\tscore\tverdict\tindex" + (FORMS_STUDY ? "\t" + String.join("\t", FormsSummary.NAMES) : "") + "\n");
        int[] index = {0};
        java.util.function.BiConsumer<Double, String> row = (rate, text) -> {
            Detector.Analysis a = detector.analyse(text, CheckOptions.DEFAULTS);
            rows.append(rate == 0 ? 0 : 1).append('\t').append(rate);
            for (double v : DocumentScorer.vector(a.features())) {
                rows.append('\t').append(v);
            }
            for (double v : study(a.features(), a.report())) {
                rows.append('\t').append(v);
            }
            for (double v : a.widened().vector()) {
                rows.append('\t').append(v);
            }
            rows.append('\t').append(a.features().words()).append('\t').append(a.report().spinScore()).append('\t')
                    .append(a.report().verdict()).append('\t').append(index[0]);
            if (FORMS_STUDY) { // branch verdict29: FormsSummary's columns, to score the verdict with them offline
                for (double v : FormsSummary.of(detector, text)) {
                    rows.append('\t').append(v);
                }
            }
            rows.append('\n');
        };
        for (String p : passages) {
            row.accept(0.0, p);
            index[0]++;
        }
        for (double rate : new double[] {0.1, 0.3}) {
            for (int i = 0; i < passages.size(); i++) {
                SpinResult s = spinner.withOptions(spinner.options().withRate(rate)
                        .withSeed(org.despin.eval.Bench.documentSeed(1, i))).spin(passages.get(i));
                if (!s.edits().isEmpty()) {
                    index[0] = i; // the passage's place in the bench (technical: package i % 3, BenchDocuments' turns)
                    row.accept(rate, s.spunText());
                }
            }
        }
        java.nio.file.Files.writeString(Path.of(System.getProperty("benchDump")), rows, java.nio.charset.StandardCharsets.UTF_8);
        System.out.printf(Locale.ROOT, "%d %s passages written to %s%n", passages.size(), technical ? "technical" : "news",
                System.getProperty("benchDump"));
    }

    /** {@code -DformsStudy=true}: {@link FormsSummary}'s columns in the {@code docs -DdocsDump} rows (branch forms28). */
    static final boolean FORMS_STUDY = Boolean.getBoolean("formsStudy");
    /** {@code -DformsCost=true}: {@link VerdictForms}' lexicon and LM look-ups per word in {@code docs} (branch verdict29). */
    static final boolean FORMS_COST = Boolean.getBoolean("formsCost");

    static void documents(Detector detector, SpinThesaurus thesaurus, List<Labelled> short150) {
        Spinner spinner = new Spinner(thesaurus, SpinOptions.of(0.1, 7));
        int seed = 100000;
        List<Double> clean = new ArrayList<>();
        List<Double> spun = new ArrayList<>();
        List<Double> cleanModern = new ArrayList<>();
        List<Double> spunModern = new ArrayList<>();
        int spunCalled = 0;
        int cleanCalled = 0;
        java.util.Map<TextGroup, int[]> byGroup = new java.util.EnumMap<>(TextGroup.class); // passages, clean called spun
        long[] formsCost = new long[3];
        // the detector's caches as the verdict keeps them: shared by every document of the run
        VerdictForms.Shared formsShared = FORMS_COST ? new VerdictForms.Shared(detector.lm(), detector.lexicon()) : null;
        String dump = System.getProperty("docsDump"); // label, group, features of every passage: to score other fits offline
        StringBuilder rows = new StringBuilder("label\tgroup\tmodern\t" + String.join("\t", DocumentScorer.FEATURES)
                + "\t" + String.join("\t", STUDY_FEATURES) + "\t" + String.join("\t", WidenedEvidence.FEATURES)
                + "\twords\tscore" + (FORMS_STUDY ? "\t" + String.join("\t", FormsSummary.NAMES) : "") + "\n");
        for (Labelled p : short150) {
            Detector.Analysis ac = detector.analyse(p.text(), CheckOptions.DEFAULTS);
            Report rc = ac.report();
            clean.add(rc.spinScore());
            cleanCalled += rc.verdict() == Verdict.SPUN ? 1 : 0;
            SpinResult s = spinner.withOptions(SpinOptions.of(0.1, ++seed)).spin(p.text());
            Detector.Analysis as = detector.analyse(s.spunText(), CheckOptions.DEFAULTS);
            Report rs = as.report();
            for (Detector.Analysis a : List.of(ac, as)) {
                rows.append(a == ac ? 0 : 1).append('\t').append(p.group()).append('\t').append(p.group() != null && p.group().modern);
                for (double v : DocumentScorer.vector(a.features())) {
                    rows.append('\t').append(v);
                }
                for (double v : study(a.features(), a.report())) {
                    rows.append('\t').append(v);
                }
                for (double v : a.widened().vector()) {
                    rows.append('\t').append(v);
                }
                rows.append('\t').append(a.features().words()).append('\t').append(a.report().spinScore());
                if (FORMS_STUDY) { // -DformsStudy=true (branch forms28): the observed words' forms summed over the document
                    for (double v : FormsSummary.of(detector, a == ac ? p.text() : s.spunText())) {
                        rows.append('\t').append(v);
                    }
                }
                rows.append('\n');
            }
            if (FORMS_COST) { // -DformsCost=true (branch verdict29): VerdictForms' look-ups per word, as the verdict makes them
                for (Detector.Analysis a : List.of(ac, as)) {
                    VerdictForms vf = new VerdictForms(formsShared);
                    vf.summarise(org.despin.text.Document.parse(a == ac ? p.text() : s.spunText()));
                    formsCost[0] += a.features().words();
                    formsCost[1] += vf.lexiconLookups;
                    formsCost[2] += vf.lmCalls();
                }
            }
            spun.add(rs.spinScore());
            spunCalled += rs.verdict() == Verdict.SPUN ? 1 : 0;
            if (p.group() != null) {
                int[] g = byGroup.computeIfAbsent(p.group(), k -> new int[2]);
                g[0]++;
                g[1] += rc.verdict() == Verdict.SPUN ? 1 : 0;
                if (p.group().modern) {
                    cleanModern.add(rc.spinScore());
                    spunModern.add(rs.spinScore());
                }
            }
        }
        if (dump != null) {
            try {
                java.nio.file.Files.writeString(Path.of(dump), rows, java.nio.charset.StandardCharsets.UTF_8);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        if (FORMS_COST) {
            System.out.printf(Locale.ROOT, "VerdictForms: %d words; lexicon look-ups %.3f a word, LM unigram calls %.3f a word%n",
                    formsCost[0], (double) formsCost[1] / formsCost[0], (double) formsCost[2] / formsCost[0]);
        }
        printQuantiles("clean spin-score quantiles", clean);
        System.out.printf(Locale.ROOT, "documents 100-150 words: AUROC(spun 0.1 vs clean) = %.3f; called spun: %.1f %% of spun, %.1f %% of clean%n",
                auroc(spun, clean), 100.0 * spunCalled / short150.size(), 100.0 * cleanCalled / short150.size());
        for (java.util.Map.Entry<TextGroup, int[]> e : byGroup.entrySet()) {
            System.out.printf(Locale.ROOT, "  %-32s %4d clean passages, %5.1f %% called spun%n", e.getKey().label, e.getValue()[0],
                    100.0 * e.getValue()[1] / e.getValue()[0]);
        }
        if (!cleanModern.isEmpty()) {
            printQuantiles("modern clean spin-score quantiles", cleanModern);
            double spunThreshold = detector.settings().verdictScoreOrRouting().spunThreshold();
            System.out.printf(Locale.ROOT, "modern (calibration set) 100-150 words: %d passages, AUROC %.3f; called spun: %.1f %% of spun, %.1f %% of clean%n",
                    cleanModern.size(), auroc(spunModern, cleanModern),
                    100.0 * spunModern.stream().filter(v -> v >= spunThreshold).count() / spunModern.size(),
                    100.0 * cleanModern.stream().filter(v -> v >= spunThreshold).count() / cleanModern.size());
        }
    }

    static void printQuantiles(String label, List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        sorted.sort(null);
        System.out.printf(Locale.ROOT, "%s: 0.50 %.3f, 0.90 %.3f, 0.95 %.3f, 0.98 %.3f, 0.99 %.3f%n", label,
                sorted.get(sorted.size() / 2), sorted.get((int) (0.9 * sorted.size())), sorted.get((int) (0.95 * sorted.size())),
                sorted.get((int) (0.98 * sorted.size())), sorted.get((int) (0.99 * sorted.size())));
    }

    /** Token-level span counts and exact restorations. */
    static final class SpanCounts {
        long tp;
        long fp;
        long fn;
        long edits;
        long exact;
        long words;
        long covered;
        long documents;
        long calledSpun;

        void add(SpinResult s, Report r) {
            documents++;
            calledSpun += r.verdict() == Verdict.SPUN ? 1 : 0;
            // the project's metrics (org.despin.eval), so these figures match despin bench
            org.despin.eval.SpanCounts sc = org.despin.eval.Metrics.spanCounts(s.spunText(), s.edits(), r.findings());
            tp += sc.truePositives();
            fp += sc.falsePositives();
            fn += sc.falseNegatives();
            words += sc.truePositives() + sc.falsePositives() + sc.falseNegatives() + sc.trueNegatives();
            edits += s.edits().size();
            exact += org.despin.eval.Metrics.exactRestorations(s.spunText(), s.edits(), r.findings());
        }

        void print(String label) {
            double p = tp + fp == 0 ? 0 : (double) tp / (tp + fp);
            double r = tp + fn == 0 ? 0 : (double) tp / (tp + fn);
            double f1 = p + r == 0 ? 0 : 2 * p * r / (p + r);
            System.out.printf(Locale.ROOT, "%s: %d words, %d edits; token P %.3f R %.3f F1 %.3f; exact restorations %.1f %% of edits (%d); lexicon covers %.1f %% of edits; called spun %.1f %% of %d%n",
                    label, words, edits, p, r, f1, 100.0 * exact / Math.max(1, edits), exact, 100.0 * covered / Math.max(1, edits),
                    100.0 * calledSpun / Math.max(1, documents), documents);
        }
    }

    static double auroc(List<Double> pos, List<Double> neg) {
        double wins = 0;
        for (double p : pos) {
            for (double n : neg) {
                wins += p > n ? 1 : p == n ? 0.5 : 0;
            }
        }
        return wins / ((double) pos.size() * neg.size());
    }

    /**
     * Fits the document-score coefficients by logistic regression (Newton's method, a small L2
     * penalty) on 100-150-word passages of the TRAINING documents (never the held-out ones): each
     * clean and spun once at 0.05, 0.1, 0.2, 0.3 in turn, by the Moby and the WordNet training
     * spinners alternately (never MyThes, the held-out evaluation's; before branch docscore MyThes,
     * {@code -DfitSpinner=mythes}); the first half trains, the second half tests. With {@code -DfoldLm=PATH} only the arc model's fit fold is read, with the LM rebuilt
     * without it ({@link FoldModel}), so that the evidence is as weak as on unseen text. Fits the
     * full feature set, the features of before ("baseline"), each feature left out, and
     * {@code -DdocFeatures=a,b,c} if given; prints each as the weights {@code -DdocScore} takes.
     */
    static void fit(Model model, DetectorSettings settings, SpinThesaurus thesaurus, DataPaths paths, int count)
            throws Exception {
        String foldLm = System.getProperty("foldLm");
        Model fitModel = FoldModel.forFitting(model, paths);
        Detector detector = new Detector(fitModel, settings);
        List<String> passages = passages(ArcFitting.trainingText(paths, foldLm != null), 100, 150, count);
        // -DfitTechnical=N: N passages of the technical documentation besides (marked "technical" in the dump), taken
        // after the first -DfitTechnicalSkip (default 600) of BenchDocuments' order; the technical bench reads the
        // first --max-docs (150) of the same order, so these are other pages of the same three packages' documentation
        int technicalCount = Integer.getInteger("fitTechnical", 0);
        int newsCount = passages.size();
        if (technicalCount > 0) {
            int skipTechnical = Integer.getInteger("fitTechnicalSkip", 600);
            List<String> tech = org.despin.data.spin.BenchDocuments.technicalPassages(paths, 100, 150,
                    skipTechnical + technicalCount);
            passages = new ArrayList<>(passages);
            passages.addAll(tech.subList(Math.min(skipTechnical, tech.size()), tech.size()));
        }
        List<double[]> x = new ArrayList<>();
        List<DocumentFeatures> all = new ArrayList<>();
        List<Report> reports = new ArrayList<>();
        List<Integer> y = new ArrayList<>();
        List<Double> rateOf = new ArrayList<>();
        List<WidenedEvidence> widened = new ArrayList<>();
        List<Double> scores = new ArrayList<>();
        List<double[]> forms = new ArrayList<>(); // -DformsStudy=true: FormsSummary's columns (fold LM) in the dump
        // the training spinners (Moby and the WordNet one, alternately by group of four rates), never
        // MyThes, the held-out evaluation's; -DfitSpinner=mythes: the fit of before the branch docscore
        boolean mythes = "mythes".equals(System.getProperty("fitSpinner"));
        // -DtrainSpin: the training spinners' variant (TrainingSpinners; default plain Moby and WordNet)
        Spinner[] training = mythes ? null : TrainingSpinners.load(paths, model.lm());
        if (mythes) {
            training = new Spinner[] {new Spinner(thesaurus, SpinOptions.of(0.1, 1))};
        }
        double[] rates = {0.05, 0.1, 0.2, 0.3};
        int seed = 1000;
        for (int i = 0; i < passages.size(); i++) {
            String p = passages.get(i);
            Detector.Analysis ac = detector.analyse(p, CheckOptions.DEFAULTS);
            DocumentFeatures fc = ac.features();
            widened.add(ac.widened());
            scores.add(ac.report().spinScore());
            all.add(fc);
            reports.add(ac.report());
            x.add(DocumentScorer.vector(fc));
            forms.add(FORMS_STUDY ? FormsSummary.of(detector, p) : null);
            y.add(0);
            rateOf.add(0.0);
            double rate = rates[i % rates.length];
            Spinner spinner = training[(i / rates.length) % training.length];
            SpinResult s = spinner.withOptions(SpinOptions.of(rate, ++seed)).spin(p);
            Detector.Analysis as = detector.analyse(s.spunText(), CheckOptions.DEFAULTS);
            DocumentFeatures fs = as.features();
            widened.add(as.widened());
            scores.add(as.report().spinScore());
            all.add(fs);
            reports.add(as.report());
            x.add(DocumentScorer.vector(fs));
            forms.add(FORMS_STUDY ? FormsSummary.of(detector, s.spunText()) : null);
            y.add(1);
            rateOf.add(rate);
        }
        String dump = System.getProperty("featureDump"); // label, rate, features: for exploring the fit elsewhere
        if (dump != null) {
            StringBuilder sb = new StringBuilder("label\trate\tsource\t" + String.join("\t", DocumentScorer.FEATURES) + "\t"
                    + String.join("\t", STUDY_FEATURES) + "\t" + String.join("\t", WidenedEvidence.FEATURES) + "\twords\tscore"
                    + (FORMS_STUDY ? "\t" + String.join("\t", FormsSummary.NAMES) : "") + "\n");
            for (int i = 0; i < x.size(); i++) {
                sb.append(y.get(i)).append('\t').append(rateOf.get(i)).append('\t').append(i / 2 < newsCount ? "news" : "technical");
                for (double v : x.get(i)) {
                    sb.append('\t').append(v);
                }
                for (double v : study(all.get(i), reports.get(i))) {
                    sb.append('\t').append(v);
                }
                for (double v : widened.get(i).vector()) {
                    sb.append('\t').append(v);
                }
                sb.append('\t').append(all.get(i).words()).append('\t').append(scores.get(i));
                if (forms.get(i) != null) {
                    for (double v : forms.get(i)) {
                        sb.append('\t').append(v);
                    }
                }
                sb.append('\n');
            }
            java.nio.file.Files.writeString(Path.of(dump), sb, java.nio.charset.StandardCharsets.UTF_8);
        }
        System.out.printf(Locale.ROOT, "%d training passages of 100-150 words (%s), each clean and spun; features %s%n",
                passages.size(), foldLm != null ? "fit fold, fold LM" : "all training documents", DocumentScorer.FEATURES);
        List<String> names = DocumentScorer.FEATURES;
        java.util.LinkedHashMap<String, List<String>> subsets = new java.util.LinkedHashMap<>();
        subsets.put("all", names);
        subsets.put("baseline", names.subList(0, 5));
        subsets.put("before docscore", names.subList(0, 7));
        subsets.put("before docscore21", names.subList(0, 8));
        for (String drop : names) {
            subsets.put("all - " + drop, names.stream().filter(n -> !n.equals(drop)).toList());
        }
        String chosen = System.getProperty("docFeatures");
        if (chosen != null) {
            subsets.put("chosen", List.of(chosen.split(",")));
        }
        int half = x.size() / 2;
        for (int k = 0; k < names.size(); k++) { // each feature alone, on the test half: how much it separates
            List<Double> pos01 = new ArrayList<>();
            List<Double> pos = new ArrayList<>();
            List<Double> neg = new ArrayList<>();
            double cleanSum = 0;
            double spunSum = 0;
            for (int i = half; i < x.size(); i++) {
                double v = x.get(i)[k];
                if (y.get(i) == 0) {
                    neg.add(v);
                    cleanSum += v;
                } else {
                    pos.add(v);
                    spunSum += v;
                    if (rateOf.get(i) == 0.1) {
                        pos01.add(v);
                    }
                }
            }
            System.out.printf(Locale.ROOT, "  %-28s alone: AUROC mixed %.3f, rate 0.1 %.3f; mean clean %.3f, spun %.3f%n", names.get(k),
                    auroc(pos, neg), auroc(pos01, neg), cleanSum / neg.size(), spunSum / pos.size());
        }
        double l2 = Double.parseDouble(System.getProperty("l2", "1.0"));
        for (java.util.Map.Entry<String, List<String>> e : subsets.entrySet()) {
            int[] use = e.getValue().stream().mapToInt(names::indexOf).toArray();
            List<double[]> xs = new ArrayList<>();
            for (double[] v : x) {
                double[] row = new double[use.length + 1];
                row[0] = 1;
                for (int k = 0; k < use.length; k++) {
                    row[k + 1] = v[use[k]];
                }
                xs.add(row);
            }
            double[] w = Logistic.fit(xs.subList(0, half), y.subList(0, half), l2);
            double[] full = new double[names.size() + 1];
            full[0] = w[0];
            for (int k = 0; k < use.length; k++) {
                full[use[k] + 1] = w[k + 1];
            }
            List<Double> pos = new ArrayList<>();
            List<Double> pos01 = new ArrayList<>();
            List<Double> neg = new ArrayList<>();
            for (int i = half; i < xs.size(); i++) {
                double sc = Logistic.predict(w, xs.get(i));
                if (y.get(i) == 1) {
                    pos.add(sc);
                    if (rateOf.get(i) == 0.1) {
                        pos01.add(sc);
                    }
                } else {
                    neg.add(sc);
                }
            }
            StringBuilder weights = new StringBuilder();
            for (double v : full) {
                weights.append(weights.length() > 0 ? "," : "").append(String.format(Locale.ROOT, "%.3f", v));
            }
            System.out.printf(Locale.ROOT, "%-34s test AUROC mixed %.3f, rate 0.1 %.3f; -DdocScore=%s%n", e.getKey(),
                    auroc(pos, neg), auroc(pos01, neg), weights);
        }
        // every feature fitted on every row (no test half; held-out sets judge it): the fit of branch docscore21
        List<double[]> rows = new ArrayList<>();
        for (double[] v : x) {
            double[] row = new double[names.size() + 1];
            row[0] = 1;
            System.arraycopy(v, 0, row, 1, v.length);
            rows.add(row);
        }
        double[] w = Logistic.fit(rows, y, l2);
        StringBuilder weights = new StringBuilder();
        for (double v : w) {
            weights.append(weights.length() > 0 ? "," : "").append(String.format(Locale.ROOT, "%.3f", v));
        }
        System.out.printf(Locale.ROOT, "%-34s %d rows (%d technical); -DdocScore=%s%n", "all rows", rows.size(),
                2 * (passages.size() - newsCount), weights);
        if (FORMS_STUDY) { // branch verdict29: the same rows with VerdictForms' five summaries (fold LM), L2 -DformsL2,
            // then with the decode's rarePer100 besides (VerdictScore.WITH_FORMS, TWO_PIECE)
            double formsL2 = Double.parseDouble(System.getProperty("formsL2", "0.1"));
            for (boolean rare : new boolean[] {false, true}) {
                List<double[]> withForms = new ArrayList<>();
                for (int i = 0; i < x.size(); i++) {
                    double[] row = java.util.Arrays.copyOf(rows.get(i), names.size() + 1 + VerdictForms.NAMES.size() + (rare ? 1 : 0));
                    double[] f = forms.get(i);
                    // FormsSummary's columns: prodTop3, prodMean, prodHighPer100, oddPer100, shareMin, linksTop3, linksMean
                    double[] five = {f[0], f[1], f[2], f[5], f[6]};
                    System.arraycopy(five, 0, row, names.size() + 1, five.length);
                    if (rare) {
                        row[row.length - 1] = all.get(i).rarePer100();
                    }
                    withForms.add(row);
                }
                double[] wf = Logistic.fit(withForms, y, formsL2);
                StringBuilder wd = new StringBuilder();
                StringBuilder wv = new StringBuilder();
                for (int k = 0; k < wf.length; k++) {
                    (k <= names.size() ? wd : wv).append(k == 0 || k == names.size() + 1 ? "" : ",")
                            .append(String.format(Locale.ROOT, "%.3f", wf[k]));
                }
                List<Double> cleanScores = new ArrayList<>();
                for (int i = 0; i < withForms.size(); i++) {
                    if (y.get(i) == 0) {
                        cleanScores.add(Logistic.predict(wf, withForms.get(i)));
                    }
                }
                cleanScores.sort(null);
                System.out.printf(Locale.ROOT, "%-34s L2 %s; -DverdictScore=%s -DverdictForms=%s; clean median %.4f, 98 %% %.4f, 99 %% %.4f%n",
                        rare ? "all rows + forms + rarePer100" : "all rows + forms", formsL2, wd, wv,
                        cleanScores.get(cleanScores.size() / 2), cleanScores.get((int) (0.98 * cleanScores.size())),
                        cleanScores.get((int) (0.99 * cleanScores.size())));
            }
        }
    }
}
