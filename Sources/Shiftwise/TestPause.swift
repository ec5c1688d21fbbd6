import Foundation

/// A pause at a named point of recording a run, for the tests that kill a command at that exact
/// point or start several commands' writes together. Off unless `SHIFTWISE_TEST_PAUSE` names the
/// point and `SHIFTWISE_TEST_PAUSE_DIR` a folder: there the command creates `<pid>.reached`, then
/// waits (at most a minute) until a file `release` appears.
enum TestPause {
    /// Where a run's recording can pause.
    enum Point: String {
        /// Before the write transaction starts (the inputs are loaded and the work is done).
        case beforeRecord = "before-record"
        /// Inside the write transaction, with every output file staged.
        case inTransaction = "in-transaction"
        /// After the run is committed, before its files are put in place.
        case beforePlace = "before-place"
    }

    static func at(_ point: Point) {
        let environment = ProcessInfo.processInfo.environment
        guard environment["SHIFTWISE_TEST_PAUSE"] == point.rawValue, let folder = environment["SHIFTWISE_TEST_PAUSE_DIR"] else { return }
        _ = FileManager.default.createFile(atPath: folder + "/\(getpid()).reached", contents: Data())
        let deadline = Date().addingTimeInterval(60)
        while !FileManager.default.fileExists(atPath: folder + "/release"), Date() < deadline {
            usleep(10_000)
        }
    }
}
