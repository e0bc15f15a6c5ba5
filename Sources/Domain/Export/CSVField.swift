/// One CSV field as spreadsheets read it: quoted, with quotes doubled, when it holds a comma, a
/// quote or a line break.
public enum CSVField {
    public static func quote(_ text: String) -> String {
        text.contains(where: { ",\"\n\r".contains($0) }) ? "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : text
    }
}
