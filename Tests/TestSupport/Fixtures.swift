import Foundation

/// Locations shared by the test targets.
public enum Fixtures {
    /// The package's root folder.
    public static let packageRoot: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url.path
    }()
}
