extension String {
    /// The text with the full-width forms an East Asian input method types in its full-width mode (U+FF01–U+FF5E:
    /// `１２．５`, `－`, letters) and the ideographic space as their ASCII counterparts; nil when it holds none.
    public var halfWidth: String? {
        var changed = false
        var scalars = String.UnicodeScalarView()
        for s in unicodeScalars {
            if (0xFF01...0xFF5E).contains(s.value), let ascii = Unicode.Scalar(s.value - 0xFEE0) {
                scalars.append(ascii)
                changed = true
            } else if s.value == 0x3000 {
                scalars.append(" ")
                changed = true
            } else {
                scalars.append(s)
            }
        }
        return changed ? String(scalars) : nil
    }
}

extension Texts {
    /// The fix for a number that did not read: where it was typed in full-width forms and reads in half-width ones,
    /// that number (`３５．００` → "type it in half-width digits: 35.00"); else `fix`.
    public static func numberFix(_ text: String, else fix: String) -> String {
        guard let half = text.halfWidth, ExactDecimal(half) != nil else { return fix }
        return current(.numHalfWidthFix, half)
    }
}
