/// Durations as people write them in shipgate's files: `90s`, `30m`, `24h`, `7d`, `1h30m`.
public enum DurationText {
    /// Seconds, or nil when the text is not a duration.
    public static func seconds(_ text: String) -> Int? {
        var total = 0, number = 0, sawDigit = false, sawUnit = false
        for character in text.trimmingCharactersInSpace() {
            if let digit = character.wholeNumberValue, character.isASCII {
                number = number * 10 + digit
                sawDigit = true
                if number > 100_000_000 { return nil }
                continue
            }
            guard sawDigit else { return nil }
            switch character {
            case "s": total += number
            case "m": total += number * 60
            case "h": total += number * 3600
            case "d": total += number * 86400
            case "w": total += number * 604_800
            default: return nil
            }
            number = 0; sawDigit = false; sawUnit = true
        }
        return sawUnit && !sawDigit ? total : nil
    }

    /// The shortest exact text for `seconds`: `86400` → `1d`, `5400` → `1h30m`.
    public static func format(_ seconds: Int) -> String {
        if seconds == 0 { return "0s" }
        var rest = seconds, text = ""
        for (unit, size) in [("d", 86400), ("h", 3600), ("m", 60), ("s", 1)] where rest >= size {
            text += "\(rest / size)\(unit)"
            rest %= size
        }
        return text
    }

    /// The usual error message for a bad duration.
    public static let expectation = "a duration such as 30m, 24h or 7d"
}

extension String {
    func trimmingCharactersInSpace() -> Substring {
        var slice = self[...]
        while slice.first == " " { slice.removeFirst() }
        while slice.last == " " { slice.removeLast() }
        return slice
    }
}
