package org.despin.server;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Locale;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;

/**
 * The text of an uploaded manuscript: .txt (strict UTF-8), .docx (Apache POI) or .pdf (PDFBox).
 * The type is taken from the file name, which is what a person picking a file sees. A file that
 * cannot be parsed is the client's problem (400), never a stack trace.
 */
final class UploadExtractor {
    /**
     * A .docx is a zip: a few MB can inflate to gigabytes. POI's guard against that is a
     * process-wide setting; the largest part it may inflate is capped here (its default is 4 GB).
     */
    static final long MAX_DOCX_PART_BYTES = 128L * 1024 * 1024;

    static {
        org.apache.poi.openxml4j.util.ZipSecureFile.setMaxEntrySize(MAX_DOCX_PART_BYTES);
    }

    private final long maxTextChars;

    UploadExtractor(long maxTextChars) {
        this.maxTextChars = maxTextChars;
    }

    String extract(Submission.Uploaded file) throws HttpError {
        String name = file.fileName().toLowerCase(Locale.ROOT);
        String text;
        if (name.endsWith(".txt") || name.endsWith(".text")) {
            text = SubmissionReader.decodeUtf8(file.content(), "the file");
        } else if (name.endsWith(".docx")) {
            text = docx(file.content());
        } else if (name.endsWith(".pdf")) {
            text = pdf(file.content());
        } else {
            throw new HttpError(415, "upload a .txt, .docx or .pdf file");
        }
        if (text.length() > maxTextChars) {
            throw new HttpError(413, "the text of the file is longer than the limit of " + maxTextChars + " characters");
        }
        return text;
    }

    private static String docx(byte[] content) throws HttpError {
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(content));
                XWPFWordExtractor extractor = new XWPFWordExtractor(doc)) {
            return extractor.getText();
        } catch (IOException | RuntimeException e) {
            // POI reports corrupt or foreign files with a range of runtime exceptions
            throw new HttpError(400, "could not read the .docx file");
        }
    }

    private static String pdf(byte[] content) throws HttpError {
        try (PDDocument doc = Loader.loadPDF(content)) {
            if (doc.isEncrypted()) {
                throw new HttpError(400, "the .pdf file is encrypted");
            }
            return new PDFTextStripper().getText(doc);
        } catch (IOException | RuntimeException e) {
            throw new HttpError(400, "could not read the .pdf file");
        }
    }
}
