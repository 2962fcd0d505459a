package dev.weir.cli;

import java.util.Collection;

/**
 * The word a mistyped one was most likely meant to be, by edit distance (Damerau-Levenshtein,
 * optimal string alignment: an insertion, deletion, substitution or swap of two neighbours is
 * one edit). Close means at most one edit for words of up to four letters and two for longer
 * ones, so {@code sacn} finds {@code scan} but {@code frobnicate} finds nothing.
 */
final class Nearest {

  private Nearest() {}

  /** The closest of {@code words} to {@code typed}, the first of equals; null if none is close. */
  static String to(String typed, Collection<String> words) {
    int allowed = typed.length() <= 4 ? 1 : 2;
    String best = null;
    int bestDistance = allowed + 1;
    for (String word : words) {
      int d = distance(typed, word);
      if (d < bestDistance) {
        best = word;
        bestDistance = d;
      }
    }
    return best;
  }

  static int distance(String a, String b) {
    int[][] d = new int[a.length() + 1][b.length() + 1];
    for (int i = 0; i <= a.length(); i++) {
      d[i][0] = i;
    }
    for (int j = 0; j <= b.length(); j++) {
      d[0][j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
        if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2)
            && a.charAt(i - 2) == b.charAt(j - 1)) {
          d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
        }
      }
    }
    return d[a.length()][b.length()];
  }
}
