import Foundation

/// Where the console keeps its files, following the XDG base directory convention.
struct DataLocation {
    let environment: [String: String]

    /// `$XDG_DATA_HOME/match-console/console.sqlite3`, else `~/.local/share/match-console/console.sqlite3`.
    var defaultDatabasePath: String {
        dataDirectory + "/console.sqlite3"
    }

    var dataDirectory: String {
        base("XDG_DATA_HOME", fallback: ".local/share") + "/match-console"
    }

    var stateDirectory: String {
        base("XDG_STATE_HOME", fallback: ".local/state") + "/match-console"
    }

    private func base(_ variable: String, fallback: String) -> String {
        // The XDG spec says to ignore relative paths in these variables.
        if let value = environment[variable], value.hasPrefix("/") { return value }
        let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
        return home + "/" + fallback
    }
}
