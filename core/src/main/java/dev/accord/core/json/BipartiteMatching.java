package dev.accord.core.json;

import java.util.Arrays;

/** Maximum matching in a bipartite graph (augmenting paths), to pair the subschemas of two combined schemas. */
final class BipartiteMatching {

    private BipartiteMatching() {
    }

    /**
     * Pairs left and right vertices along {@code edges[left][right]} so that as many as possible are paired.
     * Returns, for each right vertex, its left partner or -1.
     */
    static int[] maximum(boolean[][] edges, int leftCount, int rightCount) {
        int[] leftOfRight = new int[rightCount];
        Arrays.fill(leftOfRight, -1);
        for (int left = 0; left < leftCount; left++) {
            augment(left, edges, leftOfRight, new boolean[rightCount]);
        }
        return leftOfRight;
    }

    private static boolean augment(int left, boolean[][] edges, int[] leftOfRight, boolean[] visited) {
        for (int right = 0; right < leftOfRight.length; right++) {
            if (edges[left][right] && !visited[right]) {
                visited[right] = true;
                if (leftOfRight[right] < 0 || augment(leftOfRight[right], edges, leftOfRight, visited)) {
                    leftOfRight[right] = left;
                    return true;
                }
            }
        }
        return false;
    }
}
