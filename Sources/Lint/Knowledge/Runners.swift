/// GitHub-hosted runner labels: current ones, retired ones, and the standard self-hosted labels.
enum Runners {
    static let hosted: Set<String> = [
        "ubuntu-latest", "ubuntu-slim", "ubuntu-26.04", "ubuntu-26.04-arm", "ubuntu-24.04", "ubuntu-24.04-arm",
        "ubuntu-22.04", "ubuntu-22.04-arm", "ubuntu-latest-4-cores", "ubuntu-latest-8-cores", "ubuntu-latest-16-cores",
        "windows-latest", "windows-latest-8-cores", "windows-2025", "windows-2025-vs2026", "windows-2022",
        "windows-11-arm", "windows-11-vs2026-arm",
        "macos-latest", "macos-latest-large", "macos-latest-xlarge", "macos-26", "macos-26-intel", "macos-26-large",
        "macos-26-xlarge", "macos-15", "macos-15-intel", "macos-15-large", "macos-15-xlarge", "macos-14",
        "macos-14-large", "macos-14-xlarge", "xcode-27", "xcode-27-xlarge",
    ]

    /// Retired labels and what to use instead.
    static let retired: [String: String] = [
        "ubuntu-16.04": "ubuntu-24.04", "ubuntu-18.04": "ubuntu-24.04", "ubuntu-20.04": "ubuntu-24.04",
        "windows-2016": "windows-2025", "windows-2019": "windows-2025",
        "macos-10.15": "macos-15", "macos-11": "macos-15", "macos-12": "macos-15", "macos-13": "macos-15",
        "macos-13-large": "macos-15-large", "macos-13-xlarge": "macos-15-xlarge", "macos-12-large": "macos-15-large",
        "macos-11.0": "macos-15",
    ]

    /// Labels a self-hosted runner carries by default.
    static let selfHosted: Set<String> = ["self-hosted", "linux", "macos", "windows", "x64", "x86", "arm", "arm64"]

    /// The operating system a label implies, when it is a GitHub-hosted one.
    static func system(of label: String) -> String? {
        let lower = label.lowercased()
        if lower.hasPrefix("ubuntu") || lower == "linux" { return "linux" }
        if lower.hasPrefix("windows") { return "windows" }
        if lower.hasPrefix("macos") || lower.hasPrefix("xcode") { return "macos" }
        return nil
    }
}
