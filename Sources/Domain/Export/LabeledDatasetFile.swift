import Foundation

/// The labeled dataset as files for the next training step and for people: CSV for
/// spreadsheets, JSON for scripts. The command line and the console write the same bytes.
public enum LabeledDatasetFile {
    public enum Format: String, Sendable, CaseIterable {
        case json, csv

        /// Guessed from a file name: `.csv` is CSV, anything else JSON.
        public init(path: String) {
            self = path.lowercased().hasSuffix(".csv") ? .csv : .json
        }
    }

    public static func contents(_ rows: [LabeledPairRecord], format: Format) throws -> Data {
        switch format {
        case .csv: return Data((csvLines(rows).joined(separator: "\n") + "\n").utf8)
        case .json: return try ScriptJSON.encoder.encode(rows) + Data("\n".utf8)
        }
    }

    public static func csvLines(_ rows: [LabeledPairRecord]) -> [String] {
        let names = PairFeature.allCases.map(\.rawValue)
        return [(["group_id", "mentor_email", "mentee_email"] + names + ["score", "average_rating", "feedback_count", "label", "comments"])
            .joined(separator: ",")] + rows.map { row in
            ([String(row.groupID), row.mentorEmail, row.menteeEmail] + names.map { String(format: "%.6f", row.features[$0] ?? 0) }
             + [String(format: "%.6f", row.score), String(format: "%.2f", row.averageRating), String(row.feedbackCount), String(row.label),
                row.comments.joined(separator: " | ")]).map(CSVField.quote).joined(separator: ",")
        }
    }
}
