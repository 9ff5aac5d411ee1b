/// The version `shipgate --version` prints.
enum ShipgateVersion {
    static let current = "0.1.0"
}
