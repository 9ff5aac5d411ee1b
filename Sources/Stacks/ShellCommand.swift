import Foundation
import Subprocess
import SystemPackage

/// A shell command to run in a folder, in its own process group, with a time limit: the process
/// core shared by the suite runner, the pre-push hook and deployments.
public struct ShellCommand: Sendable {
    /// Run with `/bin/sh -c`.
    public var command: String
    /// Working directory (absolute, or relative to the current directory).
    public var directory: String
    /// Variables added to (or replacing those of) the inherited environment.
    public var environment: [String: String]
    /// Seconds before the command's process group gets SIGTERM; nil for no limit.
    public var timeout: Double?
    /// Seconds between SIGTERM and SIGKILL.
    public var gracePeriod: Double

    public init(_ command: String, directory: String, environment: [String: String] = [:], timeout: Double? = nil,
                gracePeriod: Double = 5) {
        self.command = command
        self.directory = directory
        self.environment = environment
        self.timeout = timeout
        self.gracePeriod = gracePeriod
    }

    /// How a command ended.
    public enum Termination: Sendable, Equatable {
        case exited(Int32)
        case signaled(Int32)
        /// The time limit passed and the process group was stopped.
        case timedOut
        /// The run was cancelled (Ctrl-C) and the process group was stopped.
        case interrupted
        /// The command could not be started (missing directory, no `/bin/sh`, …).
        case failedToStart(String)

        public var isSuccess: Bool { self == .exited(0) }
    }

    public struct Outcome: Sendable, Equatable {
        public var termination: Termination
        /// Seconds from start to the end of the process group.
        public var duration: Double
        /// Process id of the shell, which is also the id of its process group (nil when it did not start).
        public var processID: Int32?
    }

    /// Runs the command with its standard output and error written straight to `output` (a file
    /// descriptor the caller owns; it stays open). The whole process group is stopped on timeout or
    /// cancellation (SIGTERM, then SIGKILL after the grace period), and any process the command left
    /// running in its group when it exited is stopped the same way.
    public func run(output: Int32) async -> Outcome {
        let started = ContinuousClock.now
        let box = ProcessIDBox()
        var platform = PlatformOptions()
        platform.createSession = true
        platform.teardownSequence = [.gracefulShutDown(toProcessGroup: true, allowedDurationToNextStep: .milliseconds(Int(gracePeriod * 1000)))]
        var variables: [Environment.Key: String?] = [:]
        for (name, value) in environment {
            if let key = Environment.Key(rawValue: name) { variables[key] = value }
        }
        let configuration = Configuration(executable: .path("/bin/sh"), arguments: ["-c", command], environment: .inherit.updating(variables),
                                          workingDirectory: FilePath(directory), platformOptions: platform)
        let fd = dup(output)
        let timeout = self.timeout
        let termination: Termination = await withTaskGroup(of: Termination?.self) { group in
            group.addTask {
                do {
                    let result = try await Subprocess.run(configuration, input: .none,
                                                          output: .fileDescriptor(FileDescriptor(rawValue: fd), closeAfterSpawningProcess: true),
                                                          error: .combinedWithOutput) { execution in
                        box.set(execution.processIdentifier.value)
                    }
                    switch result.terminationStatus {
                    case .exited(let code): return .exited(code)
                    case .signaled(let signal): return .signaled(signal)
                    }
                } catch {
                    // The descriptor belongs to Subprocess now: it closes it on every path. Closing
                    // it here too closed another suite's descriptor that reused the number, and
                    // Subprocess then stopped the process ("FileDescriptor is already closed").
                    return Task.isCancelled ? .interrupted : .failedToStart(ShellCommand.describe(error))
                }
            }
            if let timeout {
                group.addTask {
                    do { try await Task.sleep(for: .milliseconds(Int(timeout * 1000))) } catch { return nil }
                    return .timedOut
                }
            }
            var outcome: Termination?
            while let next = await group.next() {
                guard let next else { continue }
                if outcome == nil { outcome = next }
                if next == .timedOut, let pid = box.get() {
                    await ShellCommand.stopGroup(pid, grace: gracePeriod)
                }
                group.cancelAll()
            }
            if Task.isCancelled, outcome != .timedOut, box.get() != nil { return .interrupted }
            return outcome ?? .interrupted
        }
        if let pid = box.get() {
            await ShellCommand.stopGroup(pid, grace: gracePeriod)
        }
        return Outcome(termination: termination, duration: started.duration(to: .now).seconds, processID: box.get())
    }

    /// SIGTERM to every process of group `pgid`, then SIGKILL to those still there after `grace`
    /// seconds. Returns at once when the group has no live process; never cancelled midway.
    public static func stopGroup(_ pgid: Int32, grace: Double) async {
        guard hasLiveMembers(pgid) else { return }
        await Task.detached {
            kill(-pgid, SIGTERM)
            kill(-pgid, SIGCONT)
            let deadline = ContinuousClock.now.advanced(by: .milliseconds(Int(grace * 1000)))
            while ContinuousClock.now < deadline {
                try? await Task.sleep(for: .milliseconds(10))
                if !hasLiveMembers(pgid) { return }
            }
            kill(-pgid, SIGKILL)
        }.value
    }

    /// True when a process of group `pgid` is alive. Zombies (exited, not yet reaped) do not count:
    /// on Linux the group is read from `/proc`; elsewhere any member counts.
    public static func hasLiveMembers(_ pgid: Int32) -> Bool {
        guard kill(-pgid, 0) == 0 else { return false }
        guard let entries = try? FileManager.default.contentsOfDirectory(atPath: "/proc") else { return true }
        for entry in entries where entry.first?.isNumber == true {
            guard let stat = try? String(contentsOfFile: "/proc/\(entry)/stat", encoding: .utf8),
                  let close = stat.lastIndex(of: ")") else { continue }
            // After "pid (comm) ": state, ppid, pgrp.
            let fields = stat[stat.index(after: close)...].split(separator: " ")
            if fields.count > 2, Int32(fields[2]) == pgid, fields[0] != "Z" { return true }
        }
        return false
    }

    static func describe(_ error: any Error) -> String {
        let text = "\(error)"
        if let firstLine = text.split(separator: "\n").first { return String(firstLine) }
        return text
    }
}

/// The shell's process id, written once by the spawning task and read by the timeout path.
final class ProcessIDBox: @unchecked Sendable {
    private let lock = NSLock()
    private var pid: Int32?

    func set(_ value: Int32) { lock.withLock { pid = value } }
    func get() -> Int32? { lock.withLock { pid } }
}

extension Duration {
    /// The duration in seconds, as a `Double`.
    var seconds: Double {
        let parts = components
        return Double(parts.seconds) + Double(parts.attoseconds) / 1e18
    }
}
