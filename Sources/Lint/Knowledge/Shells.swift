/// Shells a `run` step may name (besides a custom `command … {0}`).
enum Shells {
    static let everywhere = ["bash", "pwsh", "python", "sh"]
    static let windowsOnly = ["cmd", "powershell"]
    static let all = everywhere + windowsOnly
}
