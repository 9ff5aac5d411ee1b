import WorkflowModel

/// `schedule` cron expressions: five valid fields, and not more often than every 5 minutes.
struct CronRule: Rule {
    let description = RuleDescription(
        id: "cron",
        summary: "Each \"schedule\" cron must have five valid fields and run at most every 5 minutes.",
        rationale: "An invalid cron makes GitHub reject the workflow; GitHub never runs schedules more often than every 5 minutes.",
        triggering: [
            Example("""
            on:
              schedule:
                - cron: ↓"0 25 * * *"
                - cron: ↓"*/2 * * * *"
                - cron: ↓"0 0 * *"
                - ↓crn: "0 0 * * *"
            jobs:
              nightly:
                runs-on: ubuntu-latest
                steps: [{run: make}]
            """),
        ],
        nonTriggering: [
            Example("""
            on:
              schedule:
                - cron: "*/15 9-17 * * MON-FRI"
                - cron: "0 3 1,15 JAN,JUL 0"
            jobs:
              nightly:
                runs-on: ubuntu-latest
                steps: [{run: make}]
            """),
        ]
    )

    private static let fields: [(name: String, range: ClosedRange<Int>, names: [String])] = [
        ("minute", 0...59, []), ("hour", 0...23, []), ("day of month", 1...31, []),
        ("month", 1...12, ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"]),
        ("day of week", 0...7, ["SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"]),
    ]

    func check(_ workflow: Workflow, context: LintContext) -> [Finding] {
        guard let schedule = workflow.events.first(where: { $0.name.text == "schedule" }) else { return [] }
        guard let items = schedule.node?.items else {
            return [Finding("\"schedule\" must be a list of { cron: \"…\" } entries", at: schedule.node?.position ?? schedule.name.position)]
        }
        var findings: [Finding] = []
        for item in items {
            guard let cron = item["cron"].flatMap({ StringValue($0, source: workflow.source) }) else {
                let key = item.pairs?.first(where: { $0.name != "cron" })?.key ?? item
                findings.append(Finding("a schedule entry needs a \"cron\" string\(item.pairs?.first.map { Suggestion.hint(for: $0.name, in: ["cron"]) } ?? "")", at: key))
                continue
            }
            findings += check(cron)
        }
        return findings
    }

    private func check(_ cron: StringValue) -> [Finding] {
        let parts = cron.text.split(separator: " ", omittingEmptySubsequences: true)
        guard parts.count == 5 else {
            return [Finding("cron \"\(cron.text)\" must have 5 fields (minute hour day-of-month month day-of-week), found \(parts.count)", at: cron)]
        }
        var minutes: [Int] = []
        for (index, part) in parts.enumerated() {
            let field = Self.fields[index]
            switch values(of: part, range: field.range, names: field.names) {
            case .success(let set): if index == 0 { minutes = set }
            case .failure(let problem):
                return [Finding("invalid \(field.name) \"\(part)\" in cron \"\(cron.text)\": \(problem.text); \(field.name) takes \(field.range.lowerBound)-\(field.range.upperBound)", at: cron)]
            }
        }
        let sorted = Array(Set(minutes)).sorted()
        var gap = 60
        for (index, minute) in sorted.enumerated() {
            let next = index + 1 < sorted.count ? sorted[index + 1] : sorted[0] + 60
            gap = min(gap, next - minute)
        }
        if gap < 5 {
            return [Finding("cron \"\(cron.text)\" runs every \(gap) minute\(gap == 1 ? "" : "s"), but GitHub runs schedules at most every 5 minutes", at: cron, severity: .warning)]
        }
        return []
    }

    struct Problem: Error { let text: String }

    /// The values a field selects, or what is wrong with it.
    private func values(of field: Substring, range: ClosedRange<Int>, names: [String]) -> Result<[Int], Problem> {
        var result: [Int] = []
        for item in field.split(separator: ",", omittingEmptySubsequences: false) {
            let pieces = item.split(separator: "/", omittingEmptySubsequences: false)
            guard pieces.count <= 2 else { return .failure(Problem(text: "more than one \"/\"")) }
            var step = 1
            if pieces.count == 2 {
                guard let value = Int(pieces[1]), value > 0 else { return .failure(Problem(text: "the step after \"/\" must be a positive number")) }
                step = value
            }
            var low = range.lowerBound, high = range.upperBound
            if pieces[0] != "*" {
                let bounds = pieces[0].split(separator: "-", omittingEmptySubsequences: false)
                guard bounds.count <= 2, let first = number(bounds[0], names: names, base: range.lowerBound),
                      let last = bounds.count == 2 ? number(bounds[1], names: names, base: range.lowerBound) : (pieces.count == 2 ? range.upperBound : first)
                else { return .failure(Problem(text: "\"\(item)\" is not a number, range or step")) }
                guard range.contains(first), range.contains(last) else { return .failure(Problem(text: "\"\(item)\" is out of range")) }
                guard first <= last else { return .failure(Problem(text: "the range \"\(item)\" is backwards")) }
                low = first; high = last
            }
            result += Array(stride(from: low, through: high, by: step))
        }
        return .success(result)
    }

    private func number(_ text: Substring, names: [String], base: Int) -> Int? {
        if let value = Int(text) { return value }
        return names.firstIndex(of: text.uppercased()).map { $0 + base }
    }
}
