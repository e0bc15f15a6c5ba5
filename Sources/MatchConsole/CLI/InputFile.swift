import Foundation

/// Reads a file named on the command line, refusing what is missing, not a regular file, or too
/// large before reading a byte of it.
enum InputFile {
    static func read(_ path: String, limit: Int) throws -> [UInt8] {
        let expanded = (path as NSString).expandingTildeInPath
        var info = stat()
        guard stat(expanded, &info) == 0 else {
            throw CommandFailure("cannot read \(path): \(String(cString: strerror(errno)))")
        }
        guard info.st_mode & S_IFMT == S_IFREG else { throw CommandFailure("cannot read \(path): not a regular file") }
        guard Int(info.st_size) <= limit else {
            throw CommandFailure("cannot read \(path): it is \(Int(info.st_size) / 1_000_000) MB; the limit is \(limit / 1_000_000) MB")
        }
        guard let data = FileManager.default.contents(atPath: expanded) else {
            throw CommandFailure("cannot read \(path): permission denied")
        }
        return [UInt8](data)
    }
}
