/// The steps every generated job is made of — checking out, running shipgate, moving the evidence
/// notes — kept in one place so a change of how shipgate is installed touches only this file.
enum Tooling {
    /// `actions/checkout`. Jobs that push (notes, promotions) keep the token in the git config; the
    /// others do not. `fullHistory` fetches every commit (for `affected` and the promotion gates).
    static func checkout(fullHistory: Bool, pushes: Bool) -> Step {
        var with: [YAMLEntry] = []
        if fullHistory { with.append(YAMLEntry("fetch-depth", .int(0))) }
        with.append(YAMLEntry("persist-credentials", .bool(pushes)))
        return Step(name: "Check out", .uses(.checkout, with: with))
    }

    /// Runs `shipgate <command> <arguments>` through the repository's composite action, which
    /// installs shipgate (built once, cached) and runs it.
    static func shipgate(_ name: String, _ command: String, _ arguments: String = "", id: String? = nil,
                         condition: String? = nil, env: [YAMLEntry] = []) -> Step {
        var with = [YAMLEntry("command", .string(command))]
        if !arguments.isEmpty { with.append(YAMLEntry("args", .string(arguments))) }
        return Step(name: name, id: id, condition: condition, env: env, .uses(.shipgate, with: with))
    }

    static let notesRef = "refs/notes/shipgate"

    /// `actions/checkout` fetches no notes: bring the evidence notes explicitly. A repository that
    /// has none yet is fine (`ls-remote` exits 2); any other failure stops the job.
    static func fetchEvidence() -> Step {
        Step(name: "Fetch evidence notes", .run("""
            status=0
            git ls-remote --exit-code origin \(notesRef) > /dev/null || status=$?
            if [ "$status" -eq 0 ]; then
              git fetch --no-tags origin +\(notesRef):\(notesRef)
            elif [ "$status" -ne 2 ]; then
              exit "$status"
            fi

            """))
    }

    static let botName = "github-actions[bot]"
    static let botEmail = "41898282+github-actions[bot]@users.noreply.github.com"
    static let pushAttempts = 5

    /// Pushes the evidence notes (and, when `branch` is given, the promotion commit on that branch).
    /// Jobs recording at the same time race on the notes ref: a rejected push fetches theirs into a
    /// temporary ref, merges it line by line (`cat_sort_uniq`: both jobs' lines are kept) and retries,
    /// a bounded number of times.
    static func pushRecords(branch: String? = nil, condition: String? = nil) -> Step {
        var script = """
            git config user.name "\(botName)"
            git config user.email "\(botEmail)"
            if git rev-parse --quiet --verify \(notesRef) > /dev/null; then
              pushed=false
              for attempt in $(seq 1 \(pushAttempts)); do
                if git push origin \(notesRef):\(notesRef); then
                  pushed=true
                  break
                fi
                echo "notes push rejected (attempt $attempt): merging the notes pushed meanwhile"
                git fetch --no-tags origin +\(notesRef):\(notesRef)-origin
                git notes --ref shipgate merge --strategy cat_sort_uniq \(notesRef)-origin
                sleep "$attempt"
              done
              if [ "$pushed" != true ]; then
                echo "::error::could not push \(notesRef) after \(pushAttempts) attempts"
                exit 1
              fi
            fi

            """
        if let branch {
            script += "git push origin refs/heads/\(branch):refs/heads/\(branch)\n"
        }
        return Step(name: branch == nil ? "Push evidence notes" : "Push the promotion and its records", condition: condition, .run(script))
    }
}
