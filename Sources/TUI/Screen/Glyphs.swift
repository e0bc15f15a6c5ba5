import Foundation

/// The characters for bars, boxes and marks. A UTF-8 terminal gets block elements and box
/// drawing; any other locale gets plain ASCII, so nothing turns into question marks.
public struct Glyphs: Sendable {
    public let full: Character
    public let empty: Character
    /// Eighths of a cell, from one eighth to seven, for smooth bar ends.
    public let partial: [Character]
    public let horizontal: Character
    public let vertical: Character
    public let corners: [Character]  // top-left, top-right, bottom-left, bottom-right
    public let done: String
    public let failed: String
    public let pending: String
    public let spinner: [Character]
    /// Sparkline levels, lowest first.
    public let levels: [Character]
    public let ellipsis: String
    /// Marks a field whose value is picked from a list.
    public let choice: String

    public static let unicode = Glyphs(
        full: "█", empty: "░", partial: ["▏", "▎", "▍", "▌", "▋", "▊", "▉"], horizontal: "─", vertical: "│",
        corners: ["┌", "┐", "└", "┘"], done: "✓", failed: "✗", pending: "·", spinner: ["⠋", "⠙", "⠹", "⠸", "⠼", "⠴", "⠦", "⠧", "⠇", "⠏"],
        levels: ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"], ellipsis: "…", choice: "◂▸")

    public static let ascii = Glyphs(
        full: "#", empty: ".", partial: [], horizontal: "-", vertical: "|", corners: ["+", "+", "+", "+"],
        done: "ok", failed: "x", pending: "-", spinner: ["|", "/", "-", "\\"], levels: ["_", ".", "-", "=", "^"],
        ellipsis: "...", choice: "<>")

    /// Chosen from the locale the process runs in (LC_ALL, then LC_CTYPE, then LANG).
    public static func forLocale(_ environment: [String: String] = ProcessInfo.processInfo.environment) -> Glyphs {
        localeIsUTF8(environment) ? .unicode : .ascii
    }

    /// Whether the locale the process runs in (LC_ALL, then LC_CTYPE, then LANG) is UTF-8.
    public static func localeIsUTF8(_ environment: [String: String] = ProcessInfo.processInfo.environment) -> Bool {
        let locale = environment["LC_ALL"].flatMap { $0.isEmpty ? nil : $0 }
            ?? environment["LC_CTYPE"].flatMap { $0.isEmpty ? nil : $0 } ?? environment["LANG"] ?? ""
        let upper = locale.uppercased()
        return upper.contains("UTF-8") || upper.contains("UTF8")
    }
}
