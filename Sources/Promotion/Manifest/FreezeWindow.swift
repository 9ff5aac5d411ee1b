import Foundation
import WorkflowModel

/// A period when no promotion may enter an environment: a range of dates (`from`/`to`) or a weekly
/// window (`Fri 16:00 - Mon 08:00`), both in a named time zone (UTC when none), so wall-clock
/// times follow daylight saving changes.
public struct FreezeWindow: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        /// `[start, end)` instants.
        case dates(start: Date, end: Date)
        /// Minutes since Monday 00:00 local time; `start > end` wraps over the week end.
        case weekly(start: Int, end: Int)
    }

    public var kind: Kind
    public var timeZone: TimeZone
    /// The window as written (`Fri 16:00 - Mon 08:00 Europe/Berlin`), for messages.
    public var text: String
    /// Why the window exists, when the manifest says.
    public var reason: String?
    public var position: SourcePosition

    static let minutesPerWeek = 7 * 24 * 60
    static let dayNames = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]

    /// Whether `instant` falls inside the window.
    public func contains(_ instant: Date) -> Bool {
        switch kind {
        case .dates(let start, let end):
            return instant >= start && instant < end
        case .weekly(let start, let end):
            let minute = FreezeWindow.minuteOfWeek(instant, in: timeZone)
            return start < end ? (minute >= start && minute < end) : (minute >= start || minute < end)
        }
    }

    /// Minutes since Monday 00:00 of `instant`'s week, in wall-clock time of `zone`.
    static func minuteOfWeek(_ instant: Date, in zone: TimeZone) -> Int {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        let parts = calendar.dateComponents([.weekday, .hour, .minute], from: instant)
        let mondayBased = ((parts.weekday ?? 2) + 5) % 7
        return mondayBased * 1440 + (parts.hour ?? 0) * 60 + (parts.minute ?? 0)
    }

    /// Reads one item of `gates.freeze`.
    static func parse(_ reader: MappingReader) throws(Diagnostic) -> FreezeWindow {
        _ = try reader.pairs("a freeze window")
        if let unknown = reader.unknownKeys(allowed: ["from", "to", "weekly", "tz", "reason"], context: "a freeze window").first {
            throw unknown
        }
        let zone = try timeZone(reader)
        let reason = try reader.string("reason")
        let zoneName = try reader.string("tz") ?? "UTC"
        if let weekly = try reader.string("weekly") {
            if reader.node["from"] != nil || reader.node["to"] != nil {
                throw reader.error("a freeze window is either weekly or from/to dates, not both: split it into two windows", at: reader.node)
            }
            let (start, end) = try weeklyBounds(weekly, reader: reader)
            return FreezeWindow(kind: .weekly(start: start, end: end), timeZone: zone, text: "\(weekly) \(zoneName)",
                                reason: reason, position: reader.node.position)
        }
        let fromText = try reader.requiredString("from", context: "a freeze window without \"weekly\"")
        let toText = try reader.requiredString("to", context: "a freeze window without \"weekly\"")
        let start = try localTime(fromText, zone: zone, inclusiveEnd: false, reader: reader, key: "from")
        let end = try localTime(toText, zone: zone, inclusiveEnd: true, reader: reader, key: "to")
        guard start < end else {
            throw reader.error("freeze window ends (\(toText)) before it starts (\(fromText)): swap the dates", at: reader.node["to"] ?? reader.node)
        }
        return FreezeWindow(kind: .dates(start: start, end: end), timeZone: zone, text: "\(fromText) to \(toText) \(zoneName)",
                            reason: reason, position: reader.node.position)
    }

    private static func timeZone(_ reader: MappingReader) throws(Diagnostic) -> TimeZone {
        guard let name = try reader.string("tz") else { return TimeZone(identifier: "UTC")! }
        if let zone = TimeZone(identifier: name) { return zone }
        let hint = Suggestion.hint(for: name, in: TimeZone.knownTimeZoneIdentifiers)
        throw reader.error("unknown time zone \"\(name)\"\(hint): use an IANA name such as UTC or Europe/Berlin", at: reader.node["tz"]!)
    }

    /// `Fri 16:00 - Mon 08:00` → minutes since Monday 00:00 of each end.
    private static func weeklyBounds(_ text: String, reader: MappingReader) throws(Diagnostic) -> (Int, Int) {
        let node = reader.node["weekly"]!
        let halves = text.split(separator: "-", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
        guard halves.count == 2, let start = dayMinute(halves[0]), let end = dayMinute(halves[1]) else {
            throw reader.error("\"weekly\" must look like \"Fri 16:00 - Mon 08:00\" (day HH:MM - day HH:MM), found \"\(text)\"", at: node)
        }
        guard start != end else {
            throw reader.error("weekly freeze window \"\(text)\" starts where it ends: give two different times", at: node)
        }
        return (start, end)
    }

    private static func dayMinute(_ text: String) -> Int? {
        let parts = text.split(separator: " ", omittingEmptySubsequences: true)
        guard parts.count == 2, let day = dayNames.firstIndex(of: String(parts[0].prefix(3)).lowercased()),
              parts[0].count == 3 || fullDayNames[day] == parts[0].lowercased(),
              let minute = clockMinute(String(parts[1])) else { return nil }
        return (day * 1440 + minute) % minutesPerWeek
    }

    private static let fullDayNames = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]

    /// `HH:MM` (00:00 to 24:00) → minutes since midnight.
    static func clockMinute(_ text: String) -> Int? {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0].count == 2, parts[1].count == 2,
              let hour = Int(parts[0]), let minute = Int(parts[1]), (0...59).contains(minute),
              (0...23).contains(hour) || (hour == 24 && minute == 0) else { return nil }
        return hour * 60 + minute
    }

    /// `2026-12-20` (a whole day: the start of the day, or the end of it when `inclusiveEnd`) or
    /// `2026-12-20 18:00` (that minute), in `zone`.
    private static func localTime(_ text: String, zone: TimeZone, inclusiveEnd: Bool, reader: MappingReader,
                                  key: String) throws(Diagnostic) -> Date {
        let node = reader.node[key]!
        let fields = text.replacingOccurrences(of: "T", with: " ").split(separator: " ").map(String.init)
        let dateParts = (fields.first ?? "").split(separator: "-").map { Int($0) }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        guard fields.count <= 2, dateParts.count == 3, let year = dateParts[0], let month = dateParts[1], let day = dateParts[2],
              (1...12).contains(month), (1...31).contains(day) else {
            throw reader.error("\"\(key)\" must be a date such as 2026-12-20 or 2026-12-20 18:00, found \"\(text)\"", at: node)
        }
        var components = DateComponents(year: year, month: month, day: day, hour: 0, minute: 0)
        if fields.count == 2 {
            guard let minute = clockMinute(fields[1]) else {
                throw reader.error("\"\(key)\" has a bad time of day \"\(fields[1])\": use HH:MM", at: node)
            }
            components.hour = minute / 60
            components.minute = minute % 60
        } else if inclusiveEnd {
            components.day = day + 1
        }
        guard calendar.date(from: DateComponents(year: year, month: month, day: day))
                .map({ calendar.component(.day, from: $0) == day }) == true,
              let date = calendar.date(from: components) else {
            throw reader.error("\"\(key)\" is not a calendar date: \"\(text)\"", at: node)
        }
        return date
    }
}
