package org.despin.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.despin.source.GreedyStringTiling.Tile;
import org.junit.jupiter.api.Test;

class GreedyStringTilingTest {
    @Test
    void findsMovedBlocks() {
        int[] a = {1, 2, 3, 4, 5, 6, 7, 8, 9};
        int[] b = {7, 8, 9, 0, 1, 2, 3, 4, 5};
        assertEquals(List.of(new Tile(0, 4, 5), new Tile(6, 0, 3)), GreedyStringTiling.tiles(a, b, 3));
    }

    @Test
    void longestTileWinsOverAnEarlierShorterOne() {
        int[] a = {1, 2, 3, 1, 2, 3, 4};
        int[] b = {1, 2, 3, 4};
        assertEquals(List.of(new Tile(3, 0, 4)), GreedyStringTiling.tiles(a, b, 2));
    }

    @Test
    void minimumMatchLengthIsRespected() {
        int[] a = {1, 2, 9, 3, 4};
        int[] b = {1, 2, 8, 3, 4};
        assertEquals(List.of(), GreedyStringTiling.tiles(a, b, 3));
        assertEquals(List.of(new Tile(0, 0, 2), new Tile(3, 3, 2)), GreedyStringTiling.tiles(a, b, 2));
    }

    @Test
    void tokensAreTiledAtMostOnce() {
        int[] a = {5, 5, 5, 5};
        int[] b = {5, 5};
        assertEquals(List.of(new Tile(0, 0, 2)), GreedyStringTiling.tiles(a, b, 2));
    }

    @Test
    void rejectsAZeroMinimum() {
        assertThrows(IllegalArgumentException.class, () -> GreedyStringTiling.tiles(new int[0], new int[0], 0));
    }
}
