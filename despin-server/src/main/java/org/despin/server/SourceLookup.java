package org.despin.server;

import java.util.List;
import org.despin.DespinException;
import org.despin.source.SourceMatch;

/**
 * What {@code POST /api/v1/source} needs from source finding: a text in, its most likely
 * sources out, best first. {@code SourceFinder::find} implements it; a server started without
 * one answers that endpoint 501. Called from several worker threads at once: must be thread-safe.
 */
@FunctionalInterface
public interface SourceLookup {
    /** The {@code top} most likely sources of {@code text}; a {@link DespinException} means the index failed. */
    List<SourceMatch> find(String text, int top) throws DespinException;
}
