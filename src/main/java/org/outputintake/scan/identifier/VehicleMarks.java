package org.outputintake.scan.identifier;

/**
 * Vehicle registration marks: the current format ({@code AB51 ABC}, since 2001) anywhere, and the
 * prefix ({@code A123 BCD}, 1983-2001) and suffix ({@code ABC 123D}, 1963-1983) systems beside
 * words such as "vehicle", "registration" or "reg".
 */
final class VehicleMarks {
  private final Tokens t;

  VehicleMarks(Tokens t) {
    this.t = t;
  }

  /**
   * A current-format mark at token i ({@code word} is the token in capitals), compact or written
   * {@code AB51 ABC} / {@code AB51-ABC}; returns the tokens used or 0.
   */
  int current(int i, int len, String word) {
    if (len == 7 && CheckDigits.vehicleRegistration(word)) {
      t.hit(IdentifierKind.VEHICLE_REGISTRATION, Mask.generic(word));
      return 1;
    }
    if (len == 4
        && i + 1 < t.count
        && t.len(i + 1) == 3
        && (t.single(i + 1, ' ') || t.single(i + 1, '-'))) {
      String mark = word + t.upper(i + 1);
      if (CheckDigits.vehicleRegistration(mark)) {
        t.hit(IdentifierKind.VEHICLE_REGISTRATION, Mask.generic(mark));
        return 2;
      }
    }
    return 0;
  }

  /**
   * A mark of the prefix or suffix system at token i: too like other codes to flag alone, so only
   * beside vehicle words; returns the tokens used or 0.
   */
  int older(int i, int len, String word) {
    if (len > 7
        || !t.context(i, 4, "vehicle", "registration", "reg", "vrm", "plate", "numberplate", "car"))
      return 0;
    if (len <= 4
        && i + 1 < t.count
        && t.len(i + 1) == 3
        && t.allLetters(i + 1)
        && t.single(i + 1, ' ')
        && CheckDigits.vehiclePrefixMark(word + t.upper(i + 1))) {
      t.hit(IdentifierKind.VEHICLE_REGISTRATION, Mask.generic(word));
      return 2;
    }
    if (len <= 4
        && i > 0
        && t.len(i - 1) == 3
        && t.allLetters(i - 1)
        && t.single(i, ' ')
        && CheckDigits.vehicleSuffixMark(t.upper(i - 1) + word)) {
      t.hit(IdentifierKind.VEHICLE_REGISTRATION, Mask.generic(word));
      return 1;
    }
    if (CheckDigits.vehiclePrefixMark(word) || CheckDigits.vehicleSuffixMark(word)) {
      t.hit(IdentifierKind.VEHICLE_REGISTRATION, Mask.generic(word));
      return 1;
    }
    return 0;
  }
}
