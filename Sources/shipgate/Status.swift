import ArgumentParser
import GitKit

struct Status: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Show git state.")
    func run() throws {
        let repo = try Repository.discover()
        print(try repo.head())
    }
}
