/// The steps every generated job is made of — checking out, running shipgate, moving the evidence
/// notes — kept in one place so a change of how shipgate is installed touches only this file.
enum Tooling {
    /// `actions/checkout`, never leaving the token in the git config (the suites run the build's
    /// code); the steps that talk to the remote pass it explicitly (`authenticatedGit`).
    /// `fullHistory` fetches every commit (for `affected` and the promotion gates).
    static func checkout(fullHistory: Bool) -> Step {
        var with: [YAMLEntry] = []
        if fullHistory { with.append(YAMLEntry("fetch-depth", .int(0))) }
        with.append(YAMLEntry("persist-credentials", .bool(false)))
        return Step(name: "Check out", .uses(.checkout, with: with))
    }

    /// The job token, given only to the steps that fetch or push records.
    static let tokenEnv = [YAMLEntry("GITHUB_TOKEN", .string("${{ github.token }}"))]

    /// Defines `authgit`: git with the token as an HTTP header for this one command.
    static let authenticatedGit = """
        authgit() {
          git -c "http.extraheader=AUTHORIZATION: basic $(printf 'x-access-token:%s' "$GITHUB_TOKEN" | base64 -w0)" "$@"
        }

        """

    /// Runs `shipgate <command> <arguments>` through the repository's composite action, which
    /// installs shipgate (built once, cached) and runs it.
    static func shipgate(_ name: String, _ command: String, _ arguments: String = "", id: String? = nil,
                         condition: String? = nil, env: [YAMLEntry] = [], action: PinnedAction) -> Step {
        var with = [YAMLEntry("command", .string(command))]
        if !arguments.isEmpty { with.append(YAMLEntry("args", .string(arguments))) }
        return Step(name: name, id: id, condition: condition, env: env, .uses(action, with: with))
    }

    static let notesRef = "refs/notes/shipgate"

    /// `actions/checkout` fetches no notes: bring the evidence notes explicitly. A repository that
    /// has none yet is fine (`ls-remote` exits 2); any other failure stops the job.
    static func fetchEvidence() -> Step {
        Step(name: "Fetch evidence notes", env: tokenEnv, .run(authenticatedGit + """
            status=0
            authgit ls-remote --exit-code origin \(notesRef) > /dev/null || status=$?
            if [ "$status" -eq 0 ]; then
              authgit fetch --no-tags origin +\(notesRef):\(notesRef)
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
        var script = authenticatedGit + """
            git config user.name "\(botName)"
            git config user.email "\(botEmail)"
            if git rev-parse --quiet --verify \(notesRef) > /dev/null; then
              pushed=false
              for attempt in $(seq 1 \(pushAttempts)); do
                if authgit push origin \(notesRef):\(notesRef); then
                  pushed=true
                  break
                fi
                echo "notes push rejected (attempt $attempt): merging the notes pushed meanwhile"
                authgit fetch --no-tags origin +\(notesRef):\(notesRef)-origin
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
            script += "authgit push origin refs/heads/\(branch):refs/heads/\(branch)\n"
        }
        return Step(name: branch == nil ? "Push evidence notes" : "Push the promotion and its records", condition: condition, env: tokenEnv,
                    .run(script))
    }
}
